/* "Find your municipality" (overrides/fragments/place-finder.html): the ARIA 1.2 combobox pattern,
 * a text box with a list box of suggestions. Type a name (accents, case, hyphens and apostrophes
 * do not matter; other names such as "Den Haag" work too), move with the arrow keys, choose with
 * Enter or the pointer, close with Escape. The choice opens the region page with the municipality
 * marked (regios/<region>/#gm0518), or a school's page (scholen/<id>/): schools are found by any part
 * of their name or one of their other names. The data is regios/gemeenten.json, written by the build
 * (sitegen/pages/lookup.py) and fetched from this site when the box is first used. Names are folded
 * exactly as sitegen/records/places.py folds them. Without JavaScript the box stays hidden and the link to
 * the A–Z list answers the same question. */
(function () {
  "use strict";

  var MAX_SUGGESTIONS = 8;

  function fold(text) {
    var words = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().match(/[a-z0-9]+/g);
    return words ? words.join(" ") : "";
  }

  function shortName(name) {
    return name.replace(/\s*\([^)]*\)\s*$/, "");
  }

  // Every way to find a place: [key, entry, the name the key came from].
  function buildIndex(data, regionsBase, schoolsBase) {
    var regionNames = {};
    var keys = [];
    data.regions.forEach(function (region) {
      regionNames[region[0]] = region[1];
    });
    data.municipalities.forEach(function (row) {
      var entry = {
        name: row[1], where: regionNames[row[2]], sort: fold(row[1]),
        href: regionsBase + row[2] + "/#" + row[0],
      };
      var names = [row[1], shortName(row[1])].concat(row[3]);
      var seen = {};
      names.forEach(function (name, position) {
        var key = fold(name);
        if (key && !seen[key]) {
          seen[key] = true;
          keys.push({ key: key, entry: entry, alias: position > 1 ? name : null });
        }
      });
    });
    (data.schools || []).forEach(function (row) {
      var entry = { name: row[1], where: row[2], school: true, sort: fold(row[1]), href: schoolsBase + row[0] + "/" };
      var seen = {};
      [row[1]].concat(row[3]).forEach(function (name, position) {
        var key = fold(name);
        if (key && !seen[key]) {
          seen[key] = true;
          keys.push({ key: key, entry: entry, alias: position > 0 ? name : null });
        }
      });
    });
    data.regions.forEach(function (region) {
      keys.push({
        key: fold(region[1]), alias: null,
        entry: { name: region[1], where: null, region: true, sort: fold(region[1]), href: regionsBase + region[0] + "/" },
      });
    });
    return keys;
  }

  function rank(key, query) {
    if (key === query) return 0;
    if (key.indexOf(query) === 0) return 1;
    if (key.indexOf(" " + query) >= 0) return 2;
    if (key.indexOf(query) >= 0) return 3;
    return -1;
  }

  // Places before schools before regions, where they match equally well.
  function kindOrder(entry) {
    return entry.region ? 2 : entry.school ? 1 : 0;
  }

  function search(index, text) {
    var query = fold(text);
    if (!query) return [];
    var best = new Map();
    index.forEach(function (item) {
      var score = rank(item.key, query);
      if (score < 0) return;
      var known = best.get(item.entry);
      if (!known || score < known.score) best.set(item.entry, { score: score, entry: item.entry, alias: item.alias });
    });
    return Array.from(best.values()).sort(function (a, b) {
      return a.score - b.score || kindOrder(a.entry) - kindOrder(b.entry) ||
        (a.entry.sort < b.entry.sort ? -1 : a.entry.sort > b.entry.sort ? 1 : 0);
    }).slice(0, MAX_SUGGESTIONS);
  }

  function setUp(box) {
    var input = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = box.querySelector("[role=status]");
    var regionLabel = box.getAttribute("data-vh-region-label") || "";
    var schoolLabel = box.getAttribute("data-vh-school-label") || "";
    var index = null;
    var loading = null;
    var results = [];
    var active = -1;

    function load() {
      if (index) return Promise.resolve(index);
      if (!loading) {
        loading = fetch(box.getAttribute("data-vh-finder"), { credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (data) {
            index = buildIndex(data, box.getAttribute("data-vh-regions"), box.getAttribute("data-vh-schools"));
            return index;
          })
          .catch(function (error) {
            loading = null; // try again on the next keystroke
            status.textContent = box.getAttribute("data-vh-failed");
            throw error;
          });
      }
      return loading;
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!results.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function highlight(position) {
      var options = list.querySelectorAll("[role=option]");
      active = position;
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === position ? "true" : "false");
      });
      if (position >= 0) {
        input.setAttribute("aria-activedescendant", options[position].id);
        options[position].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(result) {
      close();
      input.value = result.entry.name;
      window.location.href = result.entry.href;
    }

    function render() {
      list.textContent = "";
      results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = input.id + "-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.appendChild(document.createTextNode(result.entry.name));
        var where = result.alias ? result.alias : null;
        var detail = [];
        if (where) detail.push(where);
        if (result.entry.school) {
          detail.push(result.entry.where ? schoolLabel + ", " + result.entry.where : schoolLabel);
        } else {
          detail.push(result.entry.region ? regionLabel : result.entry.where);
        }
        var span = document.createElement("span");
        span.className = "vh-finder__where";
        span.textContent = " (" + detail.join(", ") + ")";
        option.appendChild(span);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        option.addEventListener("click", function () {
          go(result);
        });
        list.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (results.length) {
        open();
        status.textContent = results.length === 1
          ? box.getAttribute("data-vh-one")
          : box.getAttribute("data-vh-other").replace("{count}", results.length);
      } else {
        close();
        status.textContent = input.value.trim()
          ? box.getAttribute("data-vh-none").replace("{query}", input.value.trim())
          : "";
      }
    }

    function update() {
      var text = input.value;
      load().then(function (loaded) {
        if (input.value !== text) return; // a newer keystroke will update
        results = search(loaded, text);
        render();
      }, function () {});
    }

    input.addEventListener("input", update);
    input.addEventListener("focus", function () {
      load().catch(function () {});
    });
    input.addEventListener("keydown", function (event) {
      var count = results.length;
      if (event.key === "ArrowDown" || event.key === "Down") {
        event.preventDefault();
        if (!count) return;
        if (list.hidden) open();
        highlight(active + 1 >= count ? 0 : active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        event.preventDefault();
        if (!count) return;
        if (list.hidden) open();
        highlight(active <= 0 ? count - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (!list.hidden && count) {
          event.preventDefault();
          go(results[active >= 0 ? active : 0]);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          results = [];
          status.textContent = "";
        }
      }
    });
    input.addEventListener("blur", function () {
      close();
    });
    box.hidden = false;
  }

  function start() {
    document.querySelectorAll("[data-vh-finder]").forEach(setUp);
  }

  window.vhFold = fold; // for the tests: the same folding as sitegen/records/places.py
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
