/*
 * The language switch (partials/alternate.html) keeps the reader's query string and hash, so a
 * filtered overview (/netwerken/?province=drenthe) opens filtered in the other language too
 * (/en/netwerken/?province=drenthe). The links' static addresses are the plain counterparts and
 * work without JavaScript; this adds what the address bar holds at the moment a link is about to
 * be used (the filters change the query string without reloading the page). The click is kept
 * from Material's own language handler, which would go to the counterpart without the query.
 *
 * Material also looks for a sitemap.xml beside every <link rel="alternate"> of a page, to map that
 * handler; it expects those links to name each language's home page. Here they name the same page
 * in each language (main.html) and the news feed, so every page view would ask for three or four
 * sitemaps that do not exist (each answered with the whole 404 page), and the home page for both
 * complete sitemaps, which grow with the register. This switch needs none of them: a request for a
 * sitemap from a page fails at once, before it reaches the network, and Material takes a failed
 * request as "no sitemap".
 */
(function () {
  "use strict";

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.vhRefused = /\/sitemap\.xml$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.vhRefused) return send.apply(this, arguments);
    var request = this;
    window.setTimeout(function () {
      request.dispatchEvent(new ProgressEvent("error"));
    }, 0);
  };

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
