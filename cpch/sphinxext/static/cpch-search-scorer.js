// Sphinx's search scorer (html_search_scorer; Sphinx puts it into language_data.js). Sphinx scores
// a page by its best-matching word; this breaks its ties: a whole page comes before a section or a
// glossary entry with the same score, and a page with a heading holding the whole query (such as
// "I-24/7") before pages that merely hold its words.
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
