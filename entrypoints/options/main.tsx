import { render } from 'preact';
import { Options } from '@/components/Options';
import { applyLanguage, t } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';
import '@/components/theme.css';
import './style.css';

async function main() {
  const settings = await getSettings().catch(() => null);
  await applyLanguage(settings?.language ?? 'auto');
  document.title = t('optionsTitle');
  render(<Options />, document.getElementById('app')!);
}
void main();
