// Filters for the practice index (hooks/practice.py): choose a topic and a difficulty.
document.querySelectorAll(".question-index").forEach(function (index) {
  var labels = index.dataset;
  var rows = Array.prototype.slice.call(index.querySelectorAll("tbody tr"));
  var count = document.createElement("span");

  function select(name, values, label) {
    var element = document.createElement("select");
    element.setAttribute("aria-label", label);
    element.dataset.filter = name;
    [[" ", labels.labelAll]].concat(values).forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      element.appendChild(option);
    });
    element.addEventListener("change", apply);
    return element;
  }

  function unique(name) {
    var seen = [];
    rows.forEach(function (row) {
      if (seen.indexOf(row.dataset[name]) < 0) seen.push(row.dataset[name]);
    });
    return seen;
  }

  var topic = select("topic", unique("topic").map(function (t) { return [t, t]; }), labels.labelTopic);
  var difficulty = select("difficulty", ["easy", "medium", "hard"].map(function (d) {
    return [d, labels["label" + d.charAt(0).toUpperCase() + d.slice(1)]];
  }), labels.labelDifficulty);

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (topic.value === " " || row.dataset.topic === topic.value) &&
        (difficulty.value === " " || row.dataset.difficulty === difficulty.value);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + " " + labels.labelCount;
  }

  var bar = document.createElement("div");
  bar.className = "question-index__filters";
  [labels.labelTopic, topic, labels.labelDifficulty, difficulty, count].forEach(function (part) {
    if (typeof part === "string") {
      var text = document.createElement("span");
      text.textContent = part;
      bar.appendChild(text);
    } else {
      bar.appendChild(part);
    }
  });
  index.insertBefore(bar, index.firstChild);
  apply();
});
