/*
 * The header's search box on the built site (partials/vh-search.html), on Pagefind's JS API.
 *
 * Pagefind's bundle lives at the site root (pagefind/), found from the page's relative site root,
 * so the search works under any sub-path and from /en/; Pagefind picks the index of the page's
 * <html lang>. The bundle is loaded on first use only. Keys: "/" or "s" opens the box, Escape
 * closes it, Tab or ArrowDown moves from the field to the first result (one key), Tab or the arrow
 * keys on through the results, Enter on the field opens the first result. On narrow screens the
 * closed box takes no focus (site.css): its button opens it. Results show the title, the kind of page and an excerpt with the match
 * highlighted; record text reaches the page only as text (the excerpt keeps only <mark>). They
 * come five at a time, and a button below them shows the next five.
 * Pagefind runs on the main thread (noWorker): its web worker would add 41 KB to the first query,
 * and the indexes of this site are small enough to search without one.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-vh-search]");
  if (!box) return; // `make serve`: Material's own search is in the header
  var toggle = document.getElementById("__search");
  var opener = document.querySelector("[data-vh-search-open]");
  var input = box.querySelector("input[type=search]");
  var status = box.querySelector("[data-vh-search-status]");
  var list = box.querySelector("[data-vh-search-results]");
  var output = box.querySelector(".md-search__output");
  var siteRoot = new URL(box.getAttribute("data-vh-site-root").replace(/\/?$/, "/"), document.baseURI);
  var more = box.querySelector("[data-vh-search-more]");
  var PAGE_SIZE = 5; // as Pagefind's own interface: each result shown costs a fragment download
  var PAUSE_MS = 300; // search once typing stops for this long
  var pagefind = null;
  var pause = null;
  var pending = Promise.resolve(); // the search running now
  var current = null;
  var lastFocus = null;
  var latest = 0;

  box.hidden = false;
  output.inert = !isOpen();
  if (opener) opener.hidden = false;

  function text(name, values) {
    var template = box.getAttribute("data-vh-" + name) || "";
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values && key in values ? values[key] : "";
    });
  }

  function isOpen() {
    return toggle ? toggle.checked : box.classList.contains("vh-search--open");
  }

  function setOpen(open) {
    if (toggle) toggle.checked = open;
    box.classList.toggle("vh-search--open", open);
    output.inert = !open; // closed, its results are invisible: no keyboard stops in them either
    if (opener) opener.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function open() {
    if (!isOpen()) {
      var active = document.activeElement;
      lastFocus = active && active !== document.body && active !== input ? active : null;
      setOpen(true);
    }
    if (document.activeElement !== input) input.focus();
    load();
  }

  function close() {
    setOpen(false);
    var target = lastFocus && document.contains(lastFocus) ? lastFocus : null;
    lastFocus = null;
    if (target) target.focus();
    else input.blur();
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname, excerptLength: 24, noWorker: true }).then(function () {
          return module.init();
        }).then(function () {
          return module;
        });
      });
      pagefind.catch(function () {
        status.textContent = text("failed");
        pagefind = null; // try again on the next search
      });
    }
    return pagefind;
  }

  // An excerpt is HTML from the index: keep its text and its <mark>s, nothing else.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var paragraph = document.createElement("p");
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function append(results) {
    results.forEach(function (result) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = result.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      if (result.meta && result.meta.kind) {
        var kind = document.createElement("p");
        kind.className = "vh-search-result__kind";
        kind.textContent = result.meta.kind;
        article.appendChild(kind);
      }
      var title = document.createElement("h1");
      title.textContent = (result.meta && result.meta.title) || result.url;
      article.appendChild(title);
      article.appendChild(excerpt(result.excerpt || ""));
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function report(query, total, shown) {
    var message;
    if (total === 0) message = text("none", { query: query });
    else if (total === 1) message = text("one");
    else message = text("other", { count: total });
    if (total > shown) message += " " + text("more", { shown: shown });
    status.textContent = message;
    more.hidden = total <= shown;
  }

  // Shows the next PAGE_SIZE results of `found`: each one's fragment is downloaded only now.
  function showNext(query, found, ticket) {
    var start = list.children.length;
    var next = found.results.slice(start, start + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (ticket !== latest) return false;
      append(data);
      report(query, found.results.length, list.children.length);
      return true;
    });
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    clearTimeout(pause);
    current = null;
    more.hidden = true;
    // The results of the previous query go at once: a reader who tabs into them would otherwise
    // lose focus when the new results replace them.
    list.textContent = "";
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = text("loading");
    // Our own pause rather than Pagefind's debouncedSearch: that one preloads the index chunk of
    // every prefix on the way ("n", "ne", "net", ...), tens of KB each on a large site; this one
    // asks only for the words the reader stopped at.
    pause = setTimeout(function () {
      pending = run(query, ticket);
    }, PAUSE_MS);
  }

  function run(query, ticket) {
    return load().then(function (module) {
      return module.search(query);
    }).then(function (found) {
      if (!found || ticket !== latest) return null;
      list.textContent = "";
      current = { query: query, found: found, ticket: ticket };
      return showNext(query, found, ticket);
    }).catch(function () {
      status.textContent = text("failed");
    });
  }

  function showMore() {
    if (!current || more.disabled) return;
    var first = list.children.length;
    more.disabled = true; // one batch at a time, or a double click would show one twice
    showNext(current.query, current.found, current.ticket).then(function (shown) {
      // The reader asked for more: take them to the first new result.
      var item = shown && list.children[first];
      if (item) item.querySelector("a").focus();
    }).catch(function () {
      status.textContent = text("failed");
    }).then(function () {
      more.disabled = false;
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function editable(element) {
    if (!element) return false;
    var name = element.nodeName;
    return element.isContentEditable || name === "INPUT" || name === "TEXTAREA" || name === "SELECT";
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  more.addEventListener("click", showMore);
  if (opener) opener.addEventListener("click", open);
  box.querySelectorAll("[data-vh-search-close]").forEach(function (element) {
    element.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = "";
      search();
      close();
    });
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) open(); else close();
    });
  }
  // Enter opens the first result of what is in the field, also before the pause is over.
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    if (!query) return;
    if (!current || current.query !== query) {
      clearTimeout(pause);
      pending = run(query, latest);
    }
    pending.then(function () {
      var first = links()[0];
      if (first && current && current.query === query) first.click();
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!isOpen()) {
      if ((event.key === "/" || event.key === "s") && !editable(document.activeElement)) {
        event.preventDefault();
        open();
      }
      return;
    }
    var items = links();
    var index = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab" && !event.shiftKey && document.activeElement === input && items.length) {
      // The first result is one key away: Tab goes to it, past the close button (Shift+Tab from the
      // results reaches that; Escape closes too).
      event.preventDefault();
      items[0].focus();
    } else if (event.key === "ArrowDown" && (document.activeElement === input || index >= 0)) {
      event.preventDefault();
      if (items.length) items[Math.min(index + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      if (index === 0) input.focus(); else items[index - 1].focus();
    }
  });

  // Close when the focus leaves the box (Tab past the last result, a click elsewhere).
  box.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (next && !box.contains(next) && next !== opener && isOpen()) {
      lastFocus = null;
      setOpen(false);
    }
  });
})();
