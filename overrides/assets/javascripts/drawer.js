/*
 * The navigation drawer of narrow screens, by keyboard.
 *
 * Material opens its drawer with a hidden checkbox (#__drawer) and a label in the header. HTML
 * allows neither a role nor aria-* on a label of a control, so the header also holds a real button
 * (partials/header.html), hidden until this script swaps it in for the label. The button opens and
 * closes the drawer (Enter and Space are a button's own keys); opened by keyboard, the drawer gets
 * the focus on its first link. Escape closes the drawer and returns to the button; so does moving
 * the focus out of it. The button's aria-expanded follows the drawer. While closed, the drawer
 * takes no focus at all (site.css: `visibility: hidden`). Without JavaScript the label stays and
 * opens the drawer by mouse or touch.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var label = document.querySelector("[data-vh-drawer-label]");
  var button = document.querySelector("[data-vh-drawer-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !button || !drawer) return;

  label.hidden = true;
  button.hidden = false;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  // Through the checkbox, as a tap on the label would: Material sees its change event.
  function setOpen(open) {
    if (toggle.checked !== open) toggle.click();
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

  button.addEventListener("click", function (event) {
    setOpen(!toggle.checked);
    if (toggle.checked && event.detail === 0) { // by keyboard (a pointer's click counts its clicks)
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
