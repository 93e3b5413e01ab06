// The two Bootstrap plugins ShopApp uses, with their data attributes: the navbar's collapse (on a phone) and the
// language picker's dropdown. Each registers its data API when imported.
import "bootstrap/js/src/collapse.js";
import "bootstrap/js/src/dropdown.js";
