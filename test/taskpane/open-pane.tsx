/** Renders the task pane on a stub host, in Fluent's light theme, with a user to click it. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import type { StubHost } from './stub-host';

export function openPane(host: StubHost, locale: 'zh' | 'en' = 'zh') {
  const user = userEvent.setup({ delay: null });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} locale={locale} />
    </FluentProvider>,
  );
  return user;
}
