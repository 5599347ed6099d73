// The inquiry form inside a studio's own website: tells the frame around it how tall it is, so nothing scrolls twice.
(function () {
  function tell() {
    if (window.parent !== window) {
      window.parent.postMessage({ wedtechInquiryHeight: document.documentElement.scrollHeight }, "*");
    }
  }
  window.addEventListener("load", tell);
  window.addEventListener("resize", tell);
  tell();
})();
