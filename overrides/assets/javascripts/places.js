/* "Find your municipality, town or school" (overrides/fragments/place-finder.html): the ARIA 1.2
 * combobox pattern, a text box with a list box of suggestions. A reader may type a municipality (or
 * another name of one: "Den Haag"), a former municipality ("Weesp"), a town or village ("Driebergen"),
 * a province, a labour-market region or a school; accents, case, hyphens and apostrophes do not matter
 * (names are folded exactly as sitegen/records/places.py folds them). A name with a small typo
 * ("Amsterdm") gets the nearest names. Move with the arrow keys, choose with Enter or the pointer,
 * close with Escape. Enter without a highlighted suggestion chooses only when one place alone fits;
 * a name that fits several places (Bergen in Limburg and in Noord-Holland) waits for the reader's choice.
 *
 * Choosing a place answers right below the box (#vh-answer): its region's networks, initiatives and
 * offer, the place's schools and a link to the region page; the region is marked on the map of the
 * page ("you are here"), and the focus moves to the answer's heading. A school opens its own page.
 * The data is regios/gemeenten.json, written by the build (sitegen/pages/lookup.py) and fetched from
 * this site when the box is first used. Without JavaScript the box stays hidden and the link to the
 * A–Z list answers the same question. */
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

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  // Every way to name a place: {key, entry, alias}. An entry is what a choice answers with.
  function buildIndex(data, texts, root) {
    var keys = [];
    function add(names, entry, firstIsName) {
      var seen = {};
      names.forEach(function (name, position) {
        var key = fold(name);
        if (key && !seen[key]) {
          seen[key] = true;
          keys.push({ key: key, entry: entry, alias: position > (firstIsName ? 1 : 0) ? name : null });
        }
      });
    }
    var regions = {};
    data.regions.forEach(function (row) {
      regions[row[0]] = { code: row[0], name: row[1], networks: row[2], initiatives: row[3], activities: row[4] };
    });
    var municipalities = data.municipalities.map(function (row) {
      var province = data.provinces[row[4]][0];
      return {
        kind: "municipality", anchor: row[0], cbsName: row[1], name: shortName(row[1]), region: regions[row[2]],
        province: province, sort: fold(row[1]), detail: fill(texts["finder-municipality"], { province: province }),
      };
    });
    data.municipalities.forEach(function (row, i) {
      var m = municipalities[i];
      add([row[1], m.name].concat(row[3]), m, true);
      row[5].forEach(function (former) {
        var entry = {
          kind: "former", name: former[0], year: former[1], municipality: m, region: m.region, sort: fold(former[0]),
          detail: fill(texts["finder-former"], { year: former[1], municipality: m.name }),
        };
        add([former[0]], entry, false);
      });
    });
    data.towns.forEach(function (row) {
      var m = municipalities[row[1]];
      add([row[0]], {
        kind: "town", name: row[0], municipality: m, region: m.region, sort: fold(row[0]),
        detail: fill(texts["finder-town"], { municipality: m.name, province: m.province }),
      }, false);
    });
    data.provinces.forEach(function (row) {
      add([row[0]], {
        kind: "province", name: row[0], regions: row[1].map(function (code) { return regions[code]; }),
        sort: fold(row[0]), detail: texts["finder-province"],
      }, false);
    });
    data.regions.forEach(function (row) {
      add([row[1]], { kind: "region", name: row[1], region: regions[row[0]], sort: fold(row[1]), detail: texts["finder-region"] }, false);
    });
    (data.schools || []).forEach(function (row) {
      var entry = {
        kind: "school", name: row[1], sort: fold(row[1]), href: root + "scholen/" + row[0] + "/",
        detail: row[2] ? texts["finder-school"] + ", " + row[2] : texts["finder-school"],
      };
      add([row[1]].concat(row[3]), entry, false);
    });
    return { keys: keys, data: data, municipalities: municipalities };
  }

  function rank(key, query) {
    if (key === query) return 0;
    if (key.indexOf(query) === 0) return 1;
    if (key.indexOf(" " + query) >= 0) return 2;
    if (key.indexOf(query) >= 0) return 3;
    return -1;
  }

  // Optimal string alignment distance, stopped early beyond `limit`. Written here rather than taken
  // from a library: twenty lines, and the page loads nothing from another host.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current.push(value);
        smallest = Math.min(smallest, value);
      }
      if (smallest > limit) return limit + 1;
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  var KIND_ORDER = { municipality: 0, former: 1, town: 2, province: 3, region: 4, school: 5 };

  function best(index, score) {
    var found = new Map();
    index.keys.forEach(function (item) {
      var value = score(item.key);
      if (value < 0) return;
      var known = found.get(item.entry);
      if (!known || value < known.score) found.set(item.entry, { score: value, entry: item.entry, alias: item.alias });
    });
    return Array.from(found.values()).sort(function (a, b) {
      return a.score - b.score || KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
        (a.entry.sort < b.entry.sort ? -1 : a.entry.sort > b.entry.sort ? 1 : 0);
    }).slice(0, MAX_SUGGESTIONS);
  }

  // {results, nearest}: what fits the typed text, or else the names within a typo or two of it.
  function search(index, text) {
    var query = fold(text);
    if (!query) return { results: [], nearest: false };
    var results = best(index, function (key) { return rank(key, query); });
    if (results.length || query.length < 4) return { results: results, nearest: false };
    var limit = query.length < 7 ? 1 : 2;
    return {
      nearest: true,
      results: best(index, function (key) {
        var whole = distance(key, query, limit);
        var start = key.length > query.length ? distance(key.slice(0, query.length), query, limit) + 1 : limit + 1;
        var value = Math.min(whole, start);
        return value > limit ? -1 : value;
      }),
    };
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(href, text, lang) {
    var a = element("a", text);
    a.href = href;
    if (lang) a.lang = lang;
    return a;
  }

  // The answer's heading sits one level below the heading the box stands under.
  function headingLevel(box) {
    var headings = document.querySelectorAll("h1, h2, h3, h4, h5");
    var level = 1;
    headings.forEach(function (h) {
      if (h.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING) level = Number(h.tagName[1]);
    });
    return level + 1;
  }

  // The answer to a chosen place, built from the data with textContent only.
  function Answer(box, panel, index, texts) {
    var root = box.getAttribute("data-vh-root");
    var level = headingLevel(box);
    var data = index.data;

    function heading(text, depth, id) {
      var h = element("h" + Math.min(depth, 6), text);
      if (id) h.id = id;
      return h;
    }

    function list(items) {
      var ul = element("ul", null, "vh-list");
      items.forEach(function (item) {
        var li = element("li");
        li.appendChild(item);
        ul.appendChild(li);
      });
      return ul;
    }

    function initiativeLink(row) {
      var a = link(root + "initiatieven/" + row[0] + "/", row[1], row[2] !== document.documentElement.lang ? row[2] : null);
      if (!a.lang) return a;
      var span = element("span");
      span.appendChild(a);
      span.appendChild(document.createTextNode(" " + texts.untranslated));
      return span;
    }

    function regionPart(region, municipality) {
      var part = document.createDocumentFragment();
      part.appendChild(heading(fill(texts["answer-networks"], { count: region.networks.length }), level + 1));
      if (region.networks.length) {
        part.appendChild(list(region.networks.map(function (row) {
          return link(root + "netwerken/" + data.networks[row][0] + "/", data.networks[row][1]);
        })));
        if (region.activities) {
          var offer = element("p");
          offer.appendChild(link(root + "aanbod/?region=" + region.code, fill(texts["answer-activities"], { count: region.activities })));
          part.appendChild(offer);
        }
      } else {
        part.appendChild(element("p", texts["answer-no-networks"]));
      }
      part.appendChild(heading(fill(texts["answer-initiatives"], { count: region.initiatives.length }), level + 1));
      part.appendChild(region.initiatives.length
        ? list(region.initiatives.map(function (row) { return initiativeLink(data.initiatives[row]); }))
        : element("p", texts["answer-no-initiatives"]));
      if (municipality) {
        var row = index.municipalities.indexOf(municipality);
        var schools = (data.schools || []).filter(function (school) { return school[4].indexOf(row) >= 0; });
        if (schools.length) {
          part.appendChild(heading(fill(texts["answer-schools"], { municipality: municipality.name, count: schools.length }), level + 1));
          part.appendChild(list(schools.map(function (school) { return link(root + "scholen/" + school[0] + "/", school[1]); })));
        }
      }
      var more = element("p", null, "vh-answer__more");
      more.appendChild(link(root + "regios/" + region.code + "/" + (municipality ? "#" + municipality.anchor : ""),
        fill(texts["answer-region-page"], { region: region.name })));
      part.appendChild(more);
      return part;
    }

    function intro(entry) {
      var m = entry.municipality || (entry.kind === "municipality" ? entry : null);
      var lines = [];
      if (entry.kind === "former") lines.push(fill(texts["answer-former"], { former: entry.name, year: entry.year, municipality: m.name }));
      if (entry.kind === "town") lines.push(fill(texts["answer-town"], { town: entry.name, municipality: m.name }));
      if (m) lines.push(fill(texts["answer-municipality"], { municipality: m.name, province: m.province, region: m.region.name }));
      return lines.join(" ");
    }

    // "You are here": the region's link on the map gets aria-current and the words in its name, and
    // a thick border drawn over its neighbours (a copy of its outline that takes no pointer).
    function mark(region) {
      document.querySelectorAll(".vh-map__here").forEach(function (old) { old.remove(); });
      document.querySelectorAll(".vh-map__region--here").forEach(function (old) {
        old.classList.remove("vh-map__region--here");
        old.removeAttribute("aria-current");
        var title = old.querySelector("title");
        if (title && title.getAttribute("data-vh-title")) title.textContent = title.getAttribute("data-vh-title");
      });
      if (!region) return false;
      var marked = false;
      document.querySelectorAll("a.vh-map__region").forEach(function (a) {
        var found = /\/regios\/([^/]+)\/$/.exec(a.getAttribute("href") || "");
        if (!found || found[1] !== region.code) return;
        a.classList.add("vh-map__region--here");
        a.setAttribute("aria-current", "location");
        var title = a.querySelector("title");
        if (title) {
          title.setAttribute("data-vh-title", title.textContent);
          title.textContent += " (" + texts["answer-here"] + ")";
        }
        var shape = a.querySelector("path");
        var svg = a.closest("svg");
        if (shape && svg) {
          var border = document.createElementNS("http://www.w3.org/2000/svg", "path");
          border.setAttribute("d", shape.getAttribute("d"));
          border.setAttribute("class", "vh-map__here");
          border.setAttribute("aria-hidden", "true");
          svg.appendChild(border);
        }
        marked = true;
      });
      return marked;
    }

    this.show = function (entry) {
      panel.textContent = "";
      var title;
      if (entry.kind === "province") {
        title = heading(fill(texts["answer-province-title"], { province: entry.name }), level, "vh-answer-title");
        panel.appendChild(title);
        panel.appendChild(element("p", fill(texts["answer-province"], { province: entry.name })));
        panel.appendChild(list(entry.regions.map(function (region) {
          var span = element("span");
          span.appendChild(link(root + "regios/" + region.code + "/", region.name));
          span.appendChild(document.createTextNode(" (" + fill(texts["answer-region-counts"],
            { networks: region.networks.length, initiatives: region.initiatives.length }) + ")"));
          return span;
        })));
        mark(null);
      } else {
        title = heading(fill(texts["answer-title"], { place: entry.name, region: entry.region.name }), level, "vh-answer-title");
        panel.appendChild(title);
        var text = intro(entry);
        if (mark(entry.region)) text += (text ? " " : "") + texts["answer-map"];
        if (text) panel.appendChild(element("p", text));
        panel.appendChild(regionPart(entry.region, entry.municipality || (entry.kind === "municipality" ? entry : null)));
      }
      panel.hidden = false;
      title.tabIndex = -1;
      title.focus({ preventScroll: true });
      title.scrollIntoView({ block: "start" });
    };
  }

  function setUp(box) {
    var input = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = box.querySelector("[role=status]");
    var texts = JSON.parse(box.querySelector(".vh-finder__texts").textContent);
    var panel = box.parentNode.querySelector(".vh-answer");
    var index = null;
    var answer = null;
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
            index = buildIndex(data, texts, box.getAttribute("data-vh-root"));
            answer = new Answer(box, panel, index, texts);
            return index;
          })
          .catch(function (error) {
            loading = null; // try again on the next keystroke
            status.textContent = texts["finder-failed"];
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
      status.textContent = "";
      if (result.entry.kind === "school") {
        window.location.href = result.entry.href;
      } else {
        answer.show(result.entry);
      }
    }

    function render(nearest) {
      list.textContent = "";
      results.forEach(function (result, i) {
        var option = element("li", result.entry.name);
        option.id = input.id + "-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var detail = result.alias ? result.alias + "; " + result.entry.detail : result.entry.detail;
        option.appendChild(element("span", " (" + detail + ")", "vh-finder__where"));
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
      var query = input.value.trim();
      if (results.length) {
        open();
        status.textContent = nearest
          ? fill(texts["finder-nearest"], { count: results.length })
          : results.length === 1 ? texts["finder-one"] : fill(texts["finder-other"], { count: results.length });
      } else {
        close();
        status.textContent = query ? fill(texts["finder-none"], { query: query }) : "";
      }
    }

    function update() {
      var text = input.value;
      load().then(function (loaded) {
        if (input.value !== text) return; // a newer keystroke will update
        var found = search(loaded, text);
        results = found.results;
        render(found.nearest);
      }, function () {});
    }

    // Enter without a highlighted suggestion: the one place that fits exactly, or none.
    function onlyFit() {
      var exact = results.filter(function (result) { return result.score === 0; });
      if (results.length === 1) return results[0];
      return exact.length === 1 ? exact[0] : null;
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
        if (!count) return;
        event.preventDefault();
        var chosen = active >= 0 && !list.hidden ? results[active] : onlyFit();
        if (chosen) {
          go(chosen);
        } else {
          open();
          status.textContent = fill(texts["finder-choose"], { query: input.value.trim() });
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
    var credit = box.parentNode.querySelector(".vh-finder__credit");
    if (credit) credit.hidden = false;
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
