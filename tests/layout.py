"""Layout checks run in the page: words broken inside table cells, and pages wider than the screen."""

# Every word (a run of characters between spaces, hyphens and slashes) of every table cell: a word
# drawn on two lines has two boxes; a word wider than its cell sticks out of it.
BROKEN_WORDS = """() => {
  const problems = [];
  for (const cell of document.querySelectorAll("td, th")) {
    if (!cell.getClientRects().length) continue;  // not shown
    const box = cell.getBoundingClientRect();
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const outside = rects.some((r) => r.left < box.left - 1 || r.right > box.right + 1);
        if (rects.length > 1 || outside) problems.push(`${match[0]} (${rects.length} lines${outside ? ", outside its cell" : ""})`);
      }
    }
  }
  return problems;
}"""

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
