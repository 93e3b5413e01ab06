// Keeps only the Bootstrap rules whose selectors appear in ShopApp's pages and scripts. Classes that Bootstrap's
// own scripts add at run time (an open menu, a collapsing navbar) are kept by name.
module.exports = {
  css: ["../../wwwroot/lib/bootstrap/dist/css/bootstrap.min.css"],
  content: ["../../ShopApp/**/*.cshtml", "../../ShopApp/**/*.cs", "../../wwwroot/js/*.js", "!../../wwwroot/js/bootstrap.shop.min.js"],
  safelist: {
    standard: ["show", "showing", "hiding", "collapsing", "collapse", "fade", "active", "disabled", "dropdown-menu-end", "was-validated"],
    greedy: [/^dropdown/, /^navbar/, /^btn-close/, /^visually-hidden/],
  },
  variables: true,
  keyframes: true,
  fontFace: true,
};
