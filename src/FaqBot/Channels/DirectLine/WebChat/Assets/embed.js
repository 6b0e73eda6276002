// FaqBot's chat button for the clinic's own pages: <script src="https://BOT/webchat/embed.js" async></script>.
// Opens the bot's chat page in a panel (an iframe keeps Web Chat's styles and the token on the bot's own origin).
(function () {
  'use strict';
  if (document.getElementById('faqbot-chat-button')) {
    return;
  }

  var config = /*{{config}}*/;
  var script = document.currentScript;
  var botOrigin = script && script.src ? new URL(script.src).origin : config.origin;
  var css = [
    '#faqbot-chat-button{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:24px;',
    'padding:12px 18px;font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;cursor:pointer;',
    'background:' + config.accent + ';color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.3)}',
    '#faqbot-chat-button:focus-visible,#faqbot-chat-close:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}',
    '#faqbot-chat-panel{position:fixed;right:16px;bottom:80px;z-index:2147483001;width:400px;height:min(640px,calc(100vh - 100px));',
    'display:flex;flex-direction:column;background:#fff;border-radius:10px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.35)}',
    '#faqbot-chat-panel[hidden]{display:none}',
    '#faqbot-chat-bar{display:flex;align-items:center;justify-content:space-between;padding:8px 12px;background:' + config.header + ';color:' + config.headerText + ';',
    'font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}',
    '#faqbot-chat-close{border:0;background:transparent;color:inherit;font-size:24px;line-height:1;min-width:44px;min-height:44px;cursor:pointer}',
    '#faqbot-chat-panel iframe{flex:1 1 auto;border:0;width:100%}',
    '@media (max-width:480px){#faqbot-chat-panel{inset:0;width:100%;height:100%;border-radius:0}}'
  ].join('');
  var style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);

  var button = document.createElement('button');
  button.id = 'faqbot-chat-button';
  button.type = 'button';
  button.textContent = config.buttonLabel;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'faqbot-chat-panel');

  var panel = document.createElement('div');
  panel.id = 'faqbot-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat med ' + config.clinicName);
  panel.hidden = true;

  var bar = document.createElement('div');
  bar.id = 'faqbot-chat-bar';
  var title = document.createElement('span');
  title.textContent = config.clinicName;
  var close = document.createElement('button');
  close.id = 'faqbot-chat-close';
  close.type = 'button';
  close.setAttribute('aria-label', 'Luk chatten');
  close.textContent = '\u00d7';
  bar.appendChild(title);
  bar.appendChild(close);
  panel.appendChild(bar);

  var frame = null;
  function open() {
    if (!frame) {
      // Created on first open, so a page view alone starts no conversation.
      frame = document.createElement('iframe');
      frame.src = botOrigin + '/?embed=1';
      frame.title = 'Chat med ' + config.clinicName;
      panel.appendChild(frame);
    }
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    frame.focus();
  }
  function hide() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
  button.addEventListener('click', function () { if (panel.hidden) { open(); } else { hide(); } });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { hide(); } });

  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
