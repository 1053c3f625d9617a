/*
 * Explicit table roles for the overview tables (fragments/_filters.html, `table[data-vh-table]`).
 *
 * On narrow screens each row of an overview is a card (site.css gives the table's parts
 * `display: block`), and some browsers (Safari with VoiceOver) then stop exposing it as a table.
 * Explicit ARIA roles keep it one, but HTML forbids a role on a row or cell of a table in the
 * markup (the Nu Html Checker reports it), so this script sets them once the page has loaded.
 */
(function () {
  "use strict";

  function role(element, name) {
    element.setAttribute("role", name);
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-vh-table]"), function (table) {
    role(table, "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
      role(group, "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      role(row, "row");
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (cell.tagName === "TD") role(cell, "cell");
        else role(cell, cell.getAttribute("scope") === "row" ? "rowheader" : "columnheader");
      });
    });
  });
})();
