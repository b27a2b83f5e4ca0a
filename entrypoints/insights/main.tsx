import { render } from 'preact';
import { Insights } from '@/components/Insights';
import { applyLanguage, t } from '@/utils/i18n';
import { getSettings } from '@/utils/settings';
import { extensionMemoryActions } from '@/utils/ui/memory-actions';
import '@/components/theme.css';
import '../options/style.css';
import './style.css';

async function main() {
  const settings = await getSettings().catch(() => null);
  await applyLanguage(settings?.language ?? 'auto');
  document.title = `${t('extName')} — ${t('insights_title')}`;
  render(<Insights actions={extensionMemoryActions()} />, document.getElementById('app')!);
}
void main();
