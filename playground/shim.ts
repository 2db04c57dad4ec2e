/**
 * google.script.run for the sidebar and dialogs in the playground: each call is POSTed as JSON
 * to the server, which runs the entry point in the add-on. The page that framed the panel is told,
 * so it can show toasts and redraw the grid, and it answers the add-on's questions.
 */
export const SHIM = `(function () {
  var host = window.parent;
  function post(body) {
    return fetch("/api/run", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) { return res.json(); });
  }
  function call(name, args, answers, ok, fail, user) {
    post({ name: name, args: args, answers: answers }).then(function (out) {
      if (out.question && host.pbijkAsk) {
        host.pbijkAsk(out.question).then(function (answer) { call(name, args, answers.concat([answer]), ok, fail, user); });
        return;
      }
      if (host.pbijkRan) host.pbijkRan(out.events || []);
      if (out.error !== undefined) fail(new Error(out.error), user);
      else ok(out.value === undefined ? null : out.value, user);
    }, function (error) { fail(error, user); });
  }
  function runner() {
    var ok = function () {}, fail = function () {}, user;
    var self = new Proxy({}, { get: function (_, name) {
      if (name === "withSuccessHandler") return function (fn) { ok = fn; return self; };
      if (name === "withFailureHandler") return function (fn) { fail = fn; return self; };
      if (name === "withUserObject") return function (u) { user = u; return self; };
      if (typeof name !== "string") return undefined;
      return function () {
        var args = Array.prototype.slice.call(arguments);
        // Apps Script passes data only (no functions or Date objects): JSON is the same contract.
        call(name, JSON.parse(JSON.stringify(args)), [], ok, fail, user);
      };
    } });
    return self;
  }
  window.google = { script: {
    get run() { return runner(); },
    host: {
      close: function () { if (host.pbijkClose) host.pbijkClose(); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () { if (host.pbijkFocus) host.pbijkFocus(); } }
    }
  } };
})();`;
