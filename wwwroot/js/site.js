// After a post/redirect/get the browser starts at the top of the page. Keyboard and screen-reader users are taken
// to what the action said instead: the notice ("Added to your cart"), or on a form with errors, the first field
// that needs fixing (the summary above the form lists them all).
(function () {
    "use strict";
    var invalid = document.querySelector("form .input-validation-error, form .is-invalid, form [aria-invalid=true]");
    if (invalid) {
        invalid.focus();
        return;
    }
    var notice = document.querySelector("[data-testid=notice]");
    if (notice) {
        notice.setAttribute("tabindex", "-1");
        notice.focus({ preventScroll: false });
    }
})();
