// @ts-check
/**
 * What the quiz and diagnostic runtimes share: message formatting with plurals, and progress kept
 * in the browser's storage. The build puts this file in front of each runtime, inside one block, so
 * a page makes no extra request and `cpchShared` is not a global; node's tests `require` it.
 */
const cpchShared = (function () {
  "use strict";

  /**
   * A message with {name} placeholders. A message may also be an object of plural forms
   * ({one: "...", other: "..."}), picked with Intl.PluralRules for `values.count` in `locale`.
   * @param {string | Object<string, string>} message
   * @param {Object<string, any>} values
   * @param {string} [locale]
   */
  function format(message, values, locale) {
    let template = message;
    if (message && typeof message === "object") {
      const count = Number(values.count);
      let form = "other";
      try {
        form = new Intl.PluralRules(locale || "en").select(count);
      } catch (error) {
        // An unknown locale: English rules are a fair guess.
        form = new Intl.PluralRules("en").select(count);
      }
      template = message[form] ?? message.other ?? "";
    }
    return String(template ?? "").replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  /**
   * State kept under `key` in localStorage. Storage may be blocked or full (private windows, strict
   * settings): the page still works, answers just do not survive a reload, and save() says so.
   * @param {string} key
   */
  function localStore(key) {
    return {
      load() {
        try {
          return JSON.parse(localStorage.getItem(key) || "null");
        } catch (error) {
          return null;
        }
      },
      /** @param {any} state @returns {boolean} whether the browser kept it */
      save(state) {
        try {
          if (state) localStorage.setItem(key, JSON.stringify(state));
          else localStorage.removeItem(key);
          return true;
        } catch (error) {
          return false;
        }
      },
    };
  }

  const shared = { format, localStore };
  if (typeof module === "object" && module.exports) module.exports = shared;
  return shared;
})();
