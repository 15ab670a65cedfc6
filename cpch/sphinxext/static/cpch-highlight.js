// @ts-check
/**
 * The words searched for, marked on the page a search result opened. The search page adds them to
 * the result's address (`?highlight=...`, see cpch-search-scorer.js) and cpch-offline.js loads this
 * script only then, so other visits pay nothing for it. The words leave the address at once (a
 * reload or a bookmark shows the page plain); the page's "Hide Search Matches" button, or Escape,
 * removes the marks.
 */
(function () {
  "use strict";

  const SKIPPED = "script, style, button, select, textarea, .nohighlight";

  /** @param {string} word */
  const literal = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /** Wrap each match of `pattern` in `root`'s text in <mark class="search-match">. @param {Element} root @param {RegExp} pattern */
  function mark(root, pattern) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    /** @type {Text[]} */
    const texts = [];
    while (walker.nextNode()) texts.push(/** @type {Text} */ (walker.currentNode));
    for (const text of texts) {
      // From the last match back, so the earlier matches' offsets in `text` stay true.
      for (const match of [...(text.nodeValue || "").matchAll(pattern)].reverse()) {
        const found = text.splitText(match.index || 0);
        found.splitText(match[0].length);
        const highlight = document.createElement("mark");
        highlight.className = "search-match";
        found.replaceWith(highlight);
        highlight.append(found);
      }
    }
  }

  function ready() {
    const address = new URL(location.href);
    const words = (address.searchParams.get("highlight") || "").toLowerCase().split(/\s+/).filter((w) => w.length > 1);
    address.searchParams.delete("highlight");
    history.replaceState(history.state, "", address.href);
    const main = document.querySelector("main");
    const bar = /** @type {HTMLElement | null} */ (document.querySelector(".search-matches"));
    if (!words.length || !main) return;
    mark(main, new RegExp(words.map(literal).join("|"), "gi"));
    if (!bar || !main.querySelector("mark.search-match")) return;

    /** @param {KeyboardEvent} event */
    const onKey = (event) => { if (event.key === "Escape") hide(); };
    const hide = () => {
      const hadFocus = bar.contains(document.activeElement);
      for (const highlight of main.querySelectorAll("mark.search-match")) highlight.replaceWith(...highlight.childNodes);
      main.normalize();
      bar.hidden = true;
      document.removeEventListener("keydown", onKey);
      if (hadFocus) {
        main.tabIndex = -1;
        main.focus();
      }
    };
    /** @type {HTMLButtonElement} */ (bar.querySelector("button")).onclick = hide;
    document.addEventListener("keydown", onKey);
    bar.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
