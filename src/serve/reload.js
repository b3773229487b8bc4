// Injected by `dossier serve` into every HTML page it serves (never into files on
// disk). It long-polls the server for the state of the build: when the site's
// version changes the page reloads; when the last build failed, its problems are
// shown over the last good page until a build succeeds again.
(function () {
  "use strict";
  var version = __DOSSIER_VERSION__;
  var since = 0;
  var host = null;

  function show(problems) {
    hide();
    host = document.createElement("div");
    host.id = "dossier-overlay";
    // A shadow root keeps the page's styles off the overlay and the overlay's off the page.
    var root = host.attachShadow({ mode: "open" });
    var style = document.createElement("style");
    style.textContent =
      ".panel{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#5c0a12;color:#fff;" +
      "font:15px/1.5 system-ui,sans-serif;border-top:4px solid #ffb3bb;box-shadow:0 -4px 16px #0006}" +
      "h2{margin:0 0 .25rem;font-size:1.1rem}p{margin:0 0 .5rem}" +
      "ul{margin:0;padding:0;list-style:none}li{margin:.5rem 0;white-space:pre-wrap}" +
      "code{font:14px/1.4 ui-monospace,monospace;color:#ffe08a}.hint{color:#d8f0ff}" +
      "button{font:inherit;color:#5c0a12;background:#fff;border:0;border-radius:3px;padding:.2rem .7rem;float:right}" +
      "button:focus-visible{outline:3px solid #ffe08a;outline-offset:2px}";
    var panel = document.createElement("section");
    panel.className = "panel";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "dossier-overlay-title");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    var title = document.createElement("h2");
    title.id = "dossier-overlay-title";
    title.textContent = "The dossier does not build (" + problems.length +
      (problems.length === 1 ? " problem)" : " problems)");
    var note = document.createElement("p");
    note.textContent = "This is the last good version of the page. Fix the file and it updates by itself.";
    var list = document.createElement("ul");
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = problem.location;
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + problem.message));
      if (problem.hint) {
        var hint = document.createElement("div");
        hint.className = "hint";
        hint.textContent = "hint: " + problem.hint;
        item.appendChild(hint);
      }
      list.appendChild(item);
    });
    panel.append(close, title, note, list);
    root.append(style, panel);
    document.body.appendChild(host);
  }

  function hide() {
    if (host) {
      host.remove();
      host = null;
    }
  }

  function poll() {
    fetch("/__dossier/version?since=" + since, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (status) {
        if (status.version !== version) {
          location.reload();
          return;
        }
        if (status.generation !== since) {
          since = status.generation;
          if (status.problems.length) show(status.problems); else hide();
        }
        poll();
      })
      // The server restarting or stopped: try again, gently.
      .catch(function () { setTimeout(poll, 1000); });
  }

  poll();
})();
