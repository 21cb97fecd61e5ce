// Math on every page, rendered in the reader's browser by the KaTeX copy this site serves
// (assets/vendor/katex/): nothing is loaded from another host.
// - Pages: pymdownx.arithmatex (generic mode) wraps each formula as \( … \) or \[ … \] in an
//   element of class "arithmatex"; only those elements are rendered.
// - Notebooks: Jupyter's own syntax, $ … $ and $$ … $$, in the rendered Markdown cells only (never
//   in code or outputs, where a dollar sign is just a dollar sign).
// A formula KaTeX cannot parse is shown in red with the parser's message (throwOnError: false);
// the browser tests fail on any such formula.
(function () {
  var PAGE = [
    { left: "\\[", right: "\\]", display: true },
    { left: "\\(", right: "\\)", display: false },
  ];
  var NOTEBOOK = [
    { left: "$$", right: "$$", display: true },
    { left: "$", right: "$", display: false },
  ].concat(PAGE);

  function render(root, delimiters) {
    renderMathInElement(root, { delimiters: delimiters, throwOnError: false });
  }

  function renderAll() {
    document.querySelectorAll(".arithmatex").forEach(function (element) { render(element, PAGE); });
    document.querySelectorAll(".jp-RenderedMarkdown").forEach(function (cell) { render(cell, NOTEBOOK); });
    document.documentElement.dataset.math = "rendered";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
