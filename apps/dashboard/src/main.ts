// Every asset is bundled: the wall may sit on a network with no way out.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/panels.css';
import './styles/laptop.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n, initialLocale } from './i18n';
import { createAppRouter } from './router';

/** Charts draw text on a canvas, which does not wait for web fonts: load the faces first. */
async function loadFonts(): Promise<void> {
  if (!document.fonts) return;
  const sample = 'Tiếp nhận Đã giải quyết 0123456789';
  const faces = ['400', '500', '600', '700'].map((weight) =>
    document.fonts.load(`${weight} 16px "Be Vietnam Pro"`, sample),
  );
  // Never hold the screen back for long: after 3 s the fallback face will do.
  await Promise.race([
    Promise.allSettled(faces),
    new Promise((resolve) => setTimeout(resolve, 3_000)),
  ]);
}

async function main(): Promise<void> {
  const locale = initialLocale();
  document.documentElement.lang = locale;
  const app = createApp(App);
  app.use(createPinia());
  app.use(createAppI18n(locale));
  app.use(createAppRouter());
  await loadFonts();
  app.mount('#app');
}

void main();
