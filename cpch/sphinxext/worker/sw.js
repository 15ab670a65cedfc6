// @ts-nocheck  (a service worker: `self` is its global scope)
/**
 * The handbook's service worker, written by the build at the site's root so it controls every page.
 *
 * - One cache per build (`cpch:<scope path>:<version>`): a reader never gets old pages with new scripts. A page
 *   is matched without its query (search.html?q=...); an asset with exactly the address the pages
 *   use, which carries its checksum (book.css?v=...).
 * - Pages the reader opens are kept as they come, but only when their content is this build's
 *   (checked against the SHA-256 the build listed): a newer file from the server never joins them.
 * - "Save the handbook for offline use" keeps every file of the build, and each later edition is
 *   downloaded whole before it replaces this one (all or nothing).
 * - A new edition waits until the reader accepts it (the page offers a reload).
 */
const BUILD = /* BUILD */ { version: "", bytes: 0, files: {} };
const scope = self.registration.scope;
// Caches belong to the whole origin, and each language of the site has its own worker (en/sw.js,
// fr/sw.js): each names its caches after its scope and touches no other's.
const PREFIX = `cpch:${new URL(scope).pathname}:`;
const CACHE = `${PREFIX}${BUILD.version}`;
const SETTINGS = `${PREFIX}settings`;
const SAVED = "saved-for-offline";

/** The build's name for a request's address, or "" for what is not the build's. @param {string} href @param {boolean} page */
function keyOf(href, page) {
  const url = new URL(href);
  if (!url.href.startsWith(scope)) return "";
  let key = decodeURI((page ? url.pathname : url.pathname + url.search).slice(new URL(scope).pathname.length));
  if (key === "" || key.endsWith("/")) key += "index.html";
  return key;
}

/** @param {ArrayBuffer} data */
async function digest(data) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Keep `response` for `key` if it is exactly this build's file. */
async function keep(cache, key, response) {
  if (!response.ok || !(key in BUILD.files)) return;
  if ((await digest(await response.clone().arrayBuffer())) !== BUILD.files[key]) return;
  await cache.put(new URL(key, scope).href, response);
}

async function savedForOffline() {
  return Boolean(await (await caches.open(SETTINGS)).match(SAVED));
}

/** Every file of the build in this build's cache; `progress(done, total)` after each. */
async function saveAll(progress) {
  const cache = await caches.open(CACHE);
  const keys = Object.keys(BUILD.files);
  const have = new Set((await cache.keys()).map((request) => request.url));
  let done = 0;
  for (const key of keys) {
    const href = new URL(key, scope).href;
    if (!have.has(href)) {
      const response = await fetch(href, { cache: "no-cache" });
      await keep(cache, key, response);
      if (!(await cache.match(href))) throw new Error(`${key} is not this edition's`);
    }
    progress(++done, keys.length);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    if (await savedForOffline()) await saveAll(() => {});  // a failure keeps the edition in use
    if (!self.registration.active) await self.skipWaiting();  // the first edition: nothing to replace
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      const earlier = name.startsWith(PREFIX) && name !== CACHE && name !== SETTINGS;
      if (earlier || name.startsWith("cpch-")) await caches.delete(name);  // cpch-*: before languages
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  const page = request.mode === "navigate";
  const key = keyOf(request.url, page);
  if (!(key in BUILD.files)) return;  // not this build's (or sw.js itself): the network as usual
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(new URL(key, scope).href);
    if (hit) return hit;
    const response = await fetch(request);
    event.waitUntil(keep(cache, key, response.clone()));
    return response;
  })());
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const reply = (data) => event.source && event.source.postMessage({ version: BUILD.version, ...data });
  if (message.type === "status") {
    event.waitUntil(savedForOffline().then((saved) => reply({ type: "status", saved, bytes: BUILD.bytes })));
  } else if (message.type === "keep") {
    // What the first page loaded before this worker controlled it.
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(message.urls.map(async (href) => {
      const key = keyOf(href, href === message.page);
      if (key in BUILD.files && !(await cache.match(new URL(key, scope).href))) {
        await keep(cache, key, await fetch(href).catch(() => new Response(null, { status: 504 })));
      }
    }))));
  } else if (message.type === "save") {
    event.waitUntil((async () => {
      try {
        await saveAll((done, total) => reply({ type: "progress", done, total }));
        await (await caches.open(SETTINGS)).put(SAVED, new Response("1"));
        reply({ type: "saved", bytes: BUILD.bytes });
      } catch (error) {
        reply({ type: "failed" });
      }
    })());
  } else if (message.type === "activate") {
    self.skipWaiting();
  }
});
