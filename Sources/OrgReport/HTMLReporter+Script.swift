extension HTMLReporter {
    /// Registered first in `<head>`: any script error marks the page, so that `scripts/check-html` sees it.
    static let errorHook = """
        window.onerror = function () { document.documentElement.setAttribute("data-script-error", "1"); };
        """

    /// The filters and the print hook. Everything works without it: the controls stay hidden and every
    /// finding shows. Sets `data-ready` last, so that a check can tell the script ran to its end.
    static let script = """
        (function () {
          "use strict";
          var form = document.getElementById("finding-filter");
          if (form) {
            var boxes = form.querySelectorAll("input[type=checkbox]");
            var articles = document.querySelectorAll("article.finding");
            var groups = document.querySelectorAll("#findings [data-group]");
            var shown = document.getElementById("finding-shown");
            var apply = function () {
              var on = {};
              for (var i = 0; i < boxes.length; i++) { on[boxes[i].name + ":" + boxes[i].value] = boxes[i].checked; }
              var count = 0;
              for (var j = 0; j < articles.length; j++) {
                var a = articles[j];
                var visible = on["severity:" + a.getAttribute("data-severity")] !== false
                  && on["code:" + a.getAttribute("data-code")] !== false;
                a.hidden = !visible;
                if (visible) { count++; }
              }
              for (var k = 0; k < groups.length; k++) {
                groups[k].hidden = groups[k].querySelector("article.finding:not([hidden])") === null;
              }
              if (shown) { shown.textContent = String(count); }
            };
            form.addEventListener("change", apply);
            var reset = document.getElementById("finding-reset");
            if (reset) {
              reset.addEventListener("click", function () {
                for (var i = 0; i < boxes.length; i++) { boxes[i].checked = true; }
                apply();
              });
            }
            form.hidden = false;
            apply();
          }
          var tools = document.getElementById("matrix-tools");
          var problems = document.getElementById("matrix-problems");
          if (tools && problems) {
            var rows = document.querySelectorAll("table.matrix tbody tr");
            problems.addEventListener("change", function () {
              for (var i = 0; i < rows.length; i++) {
                rows[i].hidden = problems.checked && !rows[i].hasAttribute("data-problem");
              }
            });
            tools.hidden = false;
          }
          window.addEventListener("beforeprint", function () {
            var details = document.querySelectorAll("details");
            for (var i = 0; i < details.length; i++) { details[i].open = true; }
          });
          document.documentElement.setAttribute("data-ready", "1");
        })();
        """
}
