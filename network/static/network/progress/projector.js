// The projector view: the arrow keys (and Page Up/Down, Home, End) follow the navigation
// links, which work on their own without this script.
(function () {
  "use strict";
  var keys = { PageDown: "ArrowRight", " ": "ArrowRight", PageUp: "ArrowLeft" };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var target = event.target;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
      return;
    }
    var key = keys[event.key] || event.key;
    var link = document.querySelector('.projector__nav a[data-key="' + key + '"]');
    if (link) {
      event.preventDefault();
      window.location.assign(link.href);
    }
  });
})();
