// Sphinx's search scorer (html_search_scorer; Sphinx puts it into language_data.js). Sphinx scores
// a page by its best-matching word; this breaks its ties: a whole page comes before a section or a
// glossary entry with the same score, and a page with a heading holding the whole query (such as
// "I-24/7") before pages that merely hold its words. It also gives each result's link the words to
// mark on the page it opens (below).
var Scorer = {
  score: (result) => {
    const [docname, , anchor, , score] = result;
    if (anchor) return score;
    const query = (new URLSearchParams(location.search).get("q") || "").toLowerCase().trim();
    const index = Search._index;
    const file = index.docnames.indexOf(docname);
    const heading = Object.entries(index.alltitles).some(
      ([title, found]) => title.toLowerCase().includes(query) && found.some(([f]) => f === file));
    return score + 1 + (query && heading ? 5 : 0);
  },
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};

// Each result's address carries the words searched for (?highlight=...), which the page it opens
// marks (cpch-highlight.js): the words as typed, less stop words, one-letter words and "-excluded" ones.
new MutationObserver(() => {
  const words = (new URLSearchParams(location.search).get("q") || "").toLowerCase().split(/\s+/)
    .filter((word) => word.length > 1 && !word.startsWith("-") && !stopwords.includes(word));
  if (!words.length) return;
  for (const link of document.querySelectorAll("#search-results ul.search li > a[href]")) {
    const href = link.getAttribute("href");  // Sphinx's: page.html or page.html#anchor, no query
    if (href.includes("?")) continue;
    const at = href.includes("#") ? href.indexOf("#") : href.length;
    link.setAttribute("href", `${href.slice(0, at)}?highlight=${encodeURIComponent(words.join(" "))}${href.slice(at)}`);
  }
}).observe(document.documentElement, { childList: true, subtree: true });
