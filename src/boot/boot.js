/*
 * The add-in's first script (task pane, ribbon commands, result dialog), in plain ES5 so that every webview Office
 * has ever used can run it: it decides whether this webview can run kaohe, and where it cannot it says so in words
 * instead of leaving a blank pane or a ribbon button that does nothing.
 *
 * kaohe's bundles are compiled to ES2020 (webpack.config.js, checked by src/boot/check-syntax.cjs) and use what React 19
 * and Fluent UI 9 use (WeakRef, ResizeObserver, queueMicrotask, …) and what kaohe itself uses (Unicode property
 * escapes in regular expressions, Array.prototype.at/flatMap, Object.fromEntries, Promise.allSettled). Internet
 * Explorer's webview (Trident: Office 2013–2019 volume licence, Office 2016 MSI) and Edge Legacy's (EdgeHTML:
 * Office 2016/2019 retail on Windows 10 without WebView2) have none of these; Chromium (WebView2, Edge, Chrome) 92+,
 * Safari/WKWebView 15.4+ and Firefox 90+ have all of them.
 *
 * Where it cannot: `window.kaoheUnsupported` is true (the bundles, if they parse at all, stop there), the page shows
 * the message (task pane, dialog), and the ribbon command opens the dialog with it. Words here, not in strings.ts:
 * this file imports nothing.
 */
/* global window */
/* eslint-disable @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding */
(function (w) {
  'use strict';
  var WORDS = {
    zh: {
      title: '考核助手',
      text:
        '此版本的 Office 不支持本加载项，请升级到 Microsoft 365 或 Office 2021 及以上版本（Windows 上需安装 Microsoft Edge WebView2），' +
        '或在浏览器中使用网页版 Excel，或使用命令行版（kaohe）。',
    },
    en: {
      title: 'Appraisal Assistant',
      text:
        'This version of Office cannot run this add-in. Please upgrade to Microsoft 365 or Office 2021 or later ' +
        '(on Windows with Microsoft Edge WebView2), use Excel on the web, or use the command-line tool (kaohe).',
    },
  };

  /** What the bundles need, each a test that cannot throw in an old engine. */
  function missing() {
    var ua = (w.navigator && w.navigator.userAgent) || '';
    if (/Trident\/|MSIE /.test(ua)) return 'trident';
    if (/ Edge\/\d/.test(ua)) return 'edgehtml';
    var fn = function (x) {
      return typeof x === 'function';
    };
    if (!fn(w.Promise) || !fn(w.Promise.allSettled)) return 'Promise.allSettled';
    if (!fn(w.WeakRef)) return 'WeakRef';
    if (!fn(w.ResizeObserver)) return 'ResizeObserver';
    if (!fn(w.queueMicrotask)) return 'queueMicrotask';
    if (!fn(w.Object.fromEntries)) return 'Object.fromEntries';
    if (!fn(w.Array.prototype.flatMap)) return 'Array.prototype.flatMap';
    if (!fn(w.Array.prototype.at)) return 'Array.prototype.at';
    try {
      new w.RegExp('\\p{L}', 'u');
    } catch (e) {
      return 'RegExp \\p{…}';
    }
    return null;
  }

  function english() {
    var tag = '';
    try {
      tag = (w.Office && w.Office.context && w.Office.context.displayLanguage) || '';
    } catch (e) {
      tag = '';
    }
    if (!tag) tag = (w.navigator && (w.navigator.language || w.navigator.userLanguage)) || '';
    return /^en\b/i.test(tag);
  }

  /** Replaces the page's content with the message. */
  function show(doc) {
    var words = english() ? WORDS.en : WORDS.zh;
    var body = doc.body;
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var main = doc.createElement('main');
    main.setAttribute('role', 'alert');
    main.style.cssText = 'padding:12px;font-family:"Segoe UI","Microsoft YaHei",sans-serif;font-size:14px;line-height:20px';
    var h = doc.createElement('h1');
    h.style.cssText = 'font-size:16px;line-height:22px';
    h.appendChild(doc.createTextNode(words.title));
    var p = doc.createElement('p');
    p.appendChild(doc.createTextNode(words.text));
    main.appendChild(h);
    main.appendChild(p);
    body.appendChild(main);
    if (english()) doc.documentElement.setAttribute('lang', 'en');
  }

  var why = missing();
  w.kaoheUnsupported = why !== null;
  w.kaoheBoot = { missing: why, show: show };
  if (why === null) return;

  var doc = w.document;
  var page = (doc.documentElement && doc.documentElement.getAttribute('data-page')) || '';
  if (page === 'commands') {
    // The ribbon's function file shows nothing itself: its command opens the dialog, whose own boot says why.
    w.computeGrades = function (event) {
      var done = function () {
        if (event && event.completed) event.completed();
      };
      try {
        var url = String(w.location.href).replace(/commands\.html.*$/, 'dialog.html');
        w.Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, done);
      } catch (e) {
        done();
      }
    };
    w.addEventListener('load', function () {
      if (w.Office && !w.Office.initialize) w.Office.initialize = function () {};
    });
    return;
  }
  var showNow = function () {
    show(doc);
    // Office's own language once office.js is ready (the webview's until then).
    try {
      if (w.Office && w.Office.onReady)
        w.Office.onReady(function () {
          show(doc);
        });
    } catch (e) {
      // an office.js too old for onReady: the webview's language stays
    }
  };
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', showNow);
  else showNow();
})(window);
