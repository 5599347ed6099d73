// Reads QR codes from the phone's camera for the check-in page: getUserMedia for the picture, the browser's own
// BarcodeDetector where it reads QR codes (Android, macOS), jsQR (vendor/jsqr, Apache-2.0) everywhere else, loaded then.
// Each code read is handed to .NET's OnScanned; the same code again only after a pause, so one pass held up is one scan.

const repeatAfterMs = 3000;
const everyMs = 120;
let jsQrLoading = null;

function loadJsQr() {
    if (window.jsQR) return Promise.resolve();
    jsQrLoading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('./vendor/jsqr/jsQR.js', import.meta.url).href;
        script.onload = resolve;
        script.onerror = () => { jsQrLoading = null; reject(new Error('jsQR did not load')); };
        document.head.appendChild(script);
    });
    return jsQrLoading;
}

async function nativeDetector() {
    if (!('BarcodeDetector' in window)) return null;
    try {
        return (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code') ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    } catch {
        return null;
    }
}

// Starts the camera into the video element and reads codes until stop(video). Answers 'started', 'denied' (the person or
// the browser refused the camera), 'no-camera' or 'unsupported' (no getUserMedia: an old browser, or a page not on https).
export async function start(video, dotnet) {
    stop(video);
    if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
    let stream;
    try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    } catch (error) {
        return error?.name === 'NotAllowedError' || error?.name === 'SecurityError' ? 'denied' : 'no-camera';
    }
    const state = { stream, stopped: false, last: null, lastAt: 0, timer: 0 };
    video._wedtechScan = state;
    video.muted = true;
    video.setAttribute('playsinline', '');
    video.srcObject = stream;
    try { await video.play(); } catch { /* shown once data arrives */ }
    const detector = await nativeDetector();
    if (!detector) {
        try { await loadJsQr(); } catch { stop(video); return 'unsupported'; }
    }
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const read = async () => {
        if (detector) {
            const codes = await detector.detect(video);
            return codes.length > 0 ? codes[0].rawValue : null;
        }
        // At most 640 pixels across: enough for a pass held up to the phone, and quick on a slow one.
        const scale = Math.min(1, 640 / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        return window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
    };
    const tick = async () => {
        if (state.stopped) return;
        try {
            if (video.readyState >= 2 && video.videoWidth > 0) {
                const text = await read();
                const now = Date.now();
                if (text && (text !== state.last || now - state.lastAt > repeatAfterMs)) {
                    state.last = text;
                    state.lastAt = now;
                    await dotnet.invokeMethodAsync('OnScanned', text);
                }
            }
        } catch { /* a frame that could not be read; the next one may */ }
        if (!state.stopped) state.timer = setTimeout(tick, everyMs);
    };
    tick();
    return 'started';
}

export function stop(video) {
    const state = video?._wedtechScan;
    if (!state) return;
    state.stopped = true;
    clearTimeout(state.timer);
    state.stream.getTracks().forEach(track => track.stop());
    video.srcObject = null;
    video._wedtechScan = null;
}
