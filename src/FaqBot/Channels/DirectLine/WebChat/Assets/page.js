// Starts Web Chat against the configured Direct Line with a token from the bot's own token endpoint (no secret here).
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('faqbot-config').textContent);
  var params = new URLSearchParams(window.location.search);
  if (params.get('embed') === '1') {
    document.documentElement.classList.add('embedded');
  }

  var container = document.getElementById('webchat');

  // Web Chat's own da-DK strings leave the citation list's header as "1 reference" and some labels in English.
  var danishStrings = {
    CITATION_MODEL_DIALOG_ALT: 'Kilde',
    REFERENCE_LIST_HEADER_ONE: '$1 kilde',
    REFERENCE_LIST_HEADER_TWO: '$1 kilder',
    REFERENCE_LIST_HEADER_FEW: '$1 kilder',
    REFERENCE_LIST_HEADER_MANY: '$1 kilder',
    REFERENCE_LIST_HEADER_OTHER: '$1 kilder',
    TEXT_INPUT_LENGTH_EXCEEDED_ALT: 'Beskeden er for lang',
    TEXT_INPUT_SEND_BUTTON_ALT: 'Send'
  };
  var webSocket = params.get('transport') === 'polling' ? false : config.webSocket;

  function fail(error) {
    console.error(error);
    container.innerHTML = '';
    var message = document.createElement('p');
    message.className = 'chat-status';
    message.setAttribute('role', 'alert');
    message.textContent = 'Chatten kunne ikke starte. Prøv igen om lidt, eller kontakt klinikken.';
    container.appendChild(message);
  }

  // An urgent-advice activity carries its advice twice: as text (for channels without cards) and as a warning card with
  // tap-to-call buttons. Web Chat shows cards, so it shows the card alone, not the same advice again in a plain bubble.
  function isUrgentCard(activity) {
    var faqbot = activity && activity.channelData && activity.channelData.faqbot;
    return !!(faqbot && faqbot.urgent && activity.attachments && activity.attachments.length);
  }

  // Without DirectLine:PublicBaseUrl the answers link to the bot's own article pages by a path ("/artikler/…"). Web Chat
  // opens only absolute links (a path becomes an inert button), so they are made absolute on this page's origin: the
  // bot's, also when the page is embedded on the clinic's site (a frame of this page).
  // Inline links "](/…" and the citation's reference definition "[1]: /…".
  var pathLink = /(\]\(|\]: )\/(?!\/)/g;

  function hasPathLinks(activity) {
    return !!(activity && typeof activity.text === 'string' && activity.text.search(pathLink) >= 0);
  }

  function withAbsoluteLinks(activity) {
    return Object.assign({}, activity, { text: activity.text.replace(pathLink, '$1' + window.location.origin + '/') });
  }

  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && hasPathLinks(action.payload.activity)) {
          action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: withAbsoluteLinks(action.payload.activity) }) });
        }
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && isUrgentCard(action.payload.activity)) {
          var activity = Object.assign({}, action.payload.activity, { text: undefined });
          action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: activity }) });
        }
        return next(action);
      };
    };
  });

  fetch(config.tokenUrl, { method: 'POST', credentials: 'omit' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('Token request failed: ' + response.status);
      }
      return response.json();
    })
    .then(function (body) {
      var directLine = window.WebChat.createDirectLine({
        domain: config.domain || window.location.origin + '/v3/directline',
        token: body.token,
        webSocket: webSocket,
        conversationStartProperties: { locale: 'da-DK' }
      });
      container.innerHTML = '';
      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: 'da-DK',
        overrideLocalizedStrings: danishStrings,
        styleOptions: {
          // A long answer stops scrolling when its top reaches the top of the transcript: on a phone its title stays
          // in view instead of scrolling up past the header while the rest arrives.
          autoScrollSnapOnPage: true,
          autoScrollSnapOnPageOffset: 0,
          accent: config.accent,
          bubbleFromUserBackground: config.accent,
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 12,
          bubbleBorderRadius: 12,
          botAvatarInitials: config.botAvatarInitials,
          botAvatarImage: config.botAvatarImage || undefined,
          userAvatarInitials: config.userAvatarInitials,
          hideUploadButton: true,
          sendBoxTextWrap: true,
          // Wrapping buttons fit a 360 px phone better than a sideways carousel.
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 'auto'
        }
      }, container);
    })
    .catch(fail);
})();
