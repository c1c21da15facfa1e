// wirecheck UI: progressive enhancement only (pages work without it). No inline scripts.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var toggle = document.getElementById("toggle-removed");
  var table = document.getElementById("removed");
  if (toggle && table) {
    toggle.addEventListener("click", function () {
      var hidden = table.hidden = !table.hidden;
      toggle.textContent = hidden ? "Show" : "Hide";
    });
  }
  // Hovering a claim span highlights every span of the same claim in the body.
  document.querySelectorAll("a.claim-span").forEach(function (link) {
    link.addEventListener("mouseenter", function () {
      document.querySelectorAll('a.claim-span[href="' + link.getAttribute("href") + '"]')
        .forEach(function (other) { other.classList.add("active"); });
    });
    link.addEventListener("mouseleave", function () {
      document.querySelectorAll("a.claim-span.active")
        .forEach(function (other) { other.classList.remove("active"); });
    });
  });
});
