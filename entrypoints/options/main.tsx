import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '@/components/Options';
import { uiDirection } from '@/utils/i18n';
import './style.css';

document.documentElement.dir = uiDirection();
document.documentElement.lang = browser.i18n.getUILanguage();
render(<Options />, document.getElementById('app')!);
