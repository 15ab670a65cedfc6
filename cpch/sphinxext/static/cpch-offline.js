// @ts-check
/**
 * The page's side of the offline handbook (the service worker is sw.js at the site's root):
 * registers the worker, offers "Save the handbook for offline use" with its size, hands the worker
 * what the first page loaded before it took control, and offers a reload when a new edition is ready.
 * Texts come from the page's `.offline` and `.offline-update` elements, so they follow its language.
 * Being on every page, it also loads cpch-highlight.js when the page was opened from a search result.
 */
(function () {
  "use strict";

  /** @param {string | undefined} template @param {Object<string, any>} values */
  const fill = (template, values) => String(template || "").replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));

  /** @param {number} bytes @param {string} locale */
  function megabytes(bytes, locale) {
    const value = Math.max(0.1, bytes / 1e6);
    try {
      return new Intl.NumberFormat(locale, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(value);
    } catch (error) {
      return `${value.toFixed(1)} MB`;
    }
  }

  function ready() {
    const script = /** @type {HTMLScriptElement | null} */ (document.querySelector('script[src*="cpch-offline.js"]'));
    if (script && new URLSearchParams(location.search).has("highlight")) {
      // A search result was followed: its words are marked by a script fetched only then.
      document.head.append(Object.assign(document.createElement("script"), { src: new URL("cpch-highlight.js", script.src).href }));
    }
    const tools = /** @type {HTMLElement | null} */ (document.querySelector(".offline"));
    const update = /** @type {HTMLElement | null} */ (document.querySelector(".offline-update"));
    if (!script || !tools || !update || !("serviceWorker" in navigator)) return;
    const worker = navigator.serviceWorker;
    const text = tools.dataset;
    const locale = document.documentElement.lang || "en";
    const button = /** @type {HTMLButtonElement} */ (tools.querySelector("button"));
    const status = /** @type {HTMLElement} */ (tools.querySelector(".offline-status"));
    let reloading = false;

    worker.addEventListener("message", (event) => {
      const message = event.data || {};
      const size = megabytes(message.bytes || 0, locale);
      if (message.type === "status") {
        tools.hidden = false;
        button.hidden = message.saved;
        button.textContent = fill(text.save, { size });
        if (message.saved) status.textContent = fill(text.saved, { size });
      } else if (message.type === "progress") {
        status.textContent = fill(text.saving, { done: message.done, total: message.total });
      } else if (message.type === "saved") {
        button.hidden = true;
        status.textContent = fill(text.saved, { size });
      } else if (message.type === "failed") {
        button.disabled = false;
        status.textContent = text.failed || "";
      }
    });
    worker.addEventListener("controllerchange", () => {
      if (reloading) location.reload();
    });

    const root = new URL("../", script.src);  // the script lives in _static/
    worker.register(new URL("sw.js", root).href, { scope: root.href }).then((registration) => {
      /** Offer the new edition once it is downloaded and waiting. */
      const offer = () => {
        if (!registration.waiting || !worker.controller) return;
        update.hidden = false;
        /** @type {HTMLButtonElement} */ (update.querySelector("button")).onclick = () => {
          reloading = true;
          registration.waiting?.postMessage({ type: "activate" });
        };
      };
      offer();
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => { if (installing.state === "installed") offer(); });
      });
    }, () => {});  // no worker (a file:// copy, a blocked policy): the pages still work online

    worker.ready.then((registration) => {
      const active = registration.active;
      if (!active) return;
      // The browser fetches icons and the manifest outside the page's resource timings.
      const links = [...document.querySelectorAll('link[rel~="icon"], link[rel="manifest"]')].map((link) => /** @type {HTMLLinkElement} */ (link).href);
      const loaded = [...performance.getEntriesByType("resource").map((entry) => entry.name), ...links];
      active.postMessage({ type: "keep", page: location.href, urls: [location.href, ...loaded] });
      active.postMessage({ type: "status" });
      button.onclick = () => {
        button.disabled = true;
        active.postMessage({ type: "save" });
      };
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
