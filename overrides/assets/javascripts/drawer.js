/*
 * The navigation drawer of narrow screens, by keyboard.
 *
 * Material opens its drawer with a hidden checkbox (#__drawer) and a label in the header; the label
 * is a button in the Tab order (partials/header.html) and this script gives it a button's keys:
 * Enter or Space opens and closes the drawer, and opening it moves the focus to the drawer's first
 * link. Escape closes the drawer and returns to the button; so does moving the focus out of it. The
 * button's aria-expanded follows the drawer. While closed, the drawer takes no focus at all
 * (site.css: `visibility: hidden`). Without JavaScript the label still opens it by mouse or touch.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-vh-drawer-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  // Through the label, as a tap would: the checkbox changes and Material sees its change event.
  function setOpen(open) {
    if (toggle.checked !== open) button.click();
    sync();
  }

  function firstStop() {
    var candidates = drawer.querySelectorAll("a[href], button, input, [tabindex='0']");
    for (var i = 0; i < candidates.length; i++) {
      var box = candidates[i].getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(candidates[i]).visibility === "visible") {
        return candidates[i];
      }
    }
    return null;
  }

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    event.stopPropagation(); // Material clicks a focused label on Enter too: the drawer would not move
    setOpen(!toggle.checked);
    if (toggle.checked) {
      var first = firstStop();
      if (first) first.focus();
    }
  });
  toggle.addEventListener("change", sync);
  button.addEventListener("focus", sync); // Material also closes the drawer without a change event

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    var active = document.activeElement;
    if (active !== button && !drawer.contains(active)) return;
    event.preventDefault();
    setOpen(false);
    button.focus();
  });

  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next) && next !== button) setOpen(false);
  });
})();
