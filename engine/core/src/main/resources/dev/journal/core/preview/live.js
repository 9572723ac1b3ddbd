/*
 * Journal's preview: reloads the page when a newer build is served, and shows the errors of a
 * failed build over the page (which stays the last good build). Added by the preview server to the
 * pages it serves; never part of the built site.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var generation = script ? Number(script.getAttribute('data-generation')) : NaN;
  var host = null;

  function hide() {
    if (host) {
      host.remove();
      host = null;
    }
  }

  function show(status) {
    hide();
    host = document.createElement('journal-preview-errors');
    var root = host.attachShadow ? host.attachShadow({mode: 'open'}) : host;
    var style = document.createElement('style');
    style.textContent = ':host{all:initial}' +
      '.panel{position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:60vh;overflow:auto;' +
      'background:#fff3f3;color:#5c0000;border-bottom:3px solid #b00020;padding:1rem 1.25rem;' +
      'font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)}' +
      'h2{font-size:1.05rem;margin:0 0 .5rem}p{margin:.5rem 0 0}' +
      'ul{margin:0;padding-left:1.2rem}li{font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap;' +
      'overflow-wrap:anywhere}button{float:right;font:inherit;cursor:pointer}';
    var panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'alert');
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.addEventListener('click', hide);
    var title = document.createElement('h2');
    var n = status.errors.length;
    title.textContent = 'The site could not be rebuilt: ' + n + (n === 1 ? ' error' : ' errors');
    var list = document.createElement('ul');
    status.errors.forEach(function (e) {
      var item = document.createElement('li');
      item.textContent = e.text;
      list.appendChild(item);
    });
    var note = document.createElement('p');
    note.textContent = 'This page shows the last good build. Fix the file and save: the page reloads by itself.';
    panel.append(close, title, list, note);
    root.append(style, panel);
    document.documentElement.appendChild(host);
  }

  if (!window.EventSource) {
    return;
  }
  var events = new EventSource('/__journal/events');
  events.addEventListener('status', function (event) {
    var status = JSON.parse(event.data);
    if (status.errors.length > 0) {
      show(status);
    } else {
      hide();
      if (status.generation !== generation && status.generation > 0) {
        events.close();
        window.location.reload();
      }
    }
  });
})();
