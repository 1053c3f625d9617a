/*
 * Filters above the overview tables (fragments/_filters.html): progressive enhancement.
 *
 * Without JavaScript the form stays hidden and the table lists every record. With it, the form
 * appears; each select narrows the rows by their data-vh-<name> attribute (space-separated
 * codes), the text field by the row's text (case and accents ignored). The choice lives in the
 * query string (?sector=...&q=...), so a filtered view can be shared and survives a reload; the
 * number of rows shown ("3 van 11 netwerken") is announced in a live region and written into the
 * table's caption, so the two always agree; when no row is left, the live region says so in a
 * sentence and the empty table is hidden. Each option shows how many rows it would leave given
 * the other filters.
 */
(function () {
  "use strict";

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setup(form) {
    var kind = form.getAttribute("data-vh-filters");
    var table = document.querySelector('table[data-vh-table="' + kind + '"]');
    if (!table) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var textField = form.querySelector("input[name=q]");
    var counter = form.querySelector(".vh-filters__count");
    var captionCount = table.querySelector(".vh-table__count");
    var wrap = table.closest(".vh-table-wrap") || table;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows).map(function (row) {
      var values = {};
      selects.forEach(function (select) {
        values[select.name] = (row.getAttribute("data-vh-" + select.name) || "").split(" ").filter(Boolean);
      });
      return { element: row, values: values, text: fold(row.textContent) };
    });

    function state() {
      var chosen = {};
      selects.forEach(function (select) { if (select.value) chosen[select.name] = select.value; });
      return { chosen: chosen, words: fold(textField.value).split(/\s+/).filter(Boolean) };
    }

    function matches(row, current, skip) {
      for (var name in current.chosen) {
        if (name !== skip && row.values[name].indexOf(current.chosen[name]) < 0) return false;
      }
      return current.words.every(function (word) { return row.text.indexOf(word) >= 0; });
    }

    function apply(updateAddress) {
      var current = state();
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, current, null);
        row.element.hidden = !visible;
        if (visible) shown += 1;
      });
      selects.forEach(function (select) {
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var count = rows.filter(function (row) {
            return row.values[select.name].indexOf(option.value) >= 0 && matches(row, current, select.name);
          }).length;
          option.textContent = option.getAttribute("data-vh-label") + " (" + count + ")";
        });
      });
      var count = form.getAttribute("data-vh-count").replace("{count}", shown);
      if (captionCount) captionCount.textContent = count;
      counter.textContent = shown ? count : form.getAttribute("data-vh-none");
      wrap.hidden = !shown;
      if (updateAddress) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) params.set(select.name, select.value); else params.delete(select.name);
        });
        if (textField.value.trim()) params.set("q", textField.value.trim()); else params.delete("q");
        var query = params.toString();
        history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      }
    }

    // The query string sets the form (unknown values are ignored).
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && Array.prototype.some.call(select.options, function (option) { return option.value === value; })) {
        select.value = value;
      }
    });
    textField.value = params.get("q") || "";

    form.addEventListener("change", function () { apply(true); });
    textField.addEventListener("input", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(true); }, 0);
    });
    form.hidden = false;
    apply(false);
  }

  document.querySelectorAll("form[data-vh-filters]").forEach(setup);
})();
