/*
 * The language switch (partials/alternate.html) keeps the reader's query string and hash, so a
 * filtered overview (/netwerken/?province=drenthe) opens filtered in the other language too
 * (/en/netwerken/?province=drenthe). The links' static addresses are the plain counterparts and
 * work without JavaScript; this adds what the address bar holds at the moment a link is about to
 * be used (the filters change the query string without reloading the page). The click is kept
 * from Material's own language handler, which would go to the counterpart without the query.
 */
(function () {
  "use strict";

  var links = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));
  links.forEach(function (link) {
    link.setAttribute("data-vh-href", link.getAttribute("href"));
  });

  function update(link) {
    link.setAttribute("href", link.getAttribute("data-vh-href") + window.location.search + window.location.hash);
  }

  function switchLink(event) {
    var link = event.target instanceof Element && event.target.closest("a.md-select__link[data-vh-href]");
    if (link) update(link);
    return link;
  }

  // Before a link is followed, copied or opened elsewhere: pointing at it, focusing it, pressing it.
  ["pointerover", "focusin", "pointerdown", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, switchLink, true);
  });
  document.addEventListener("click", function (event) {
    if (switchLink(event)) event.stopPropagation();
  }, true);
})();
