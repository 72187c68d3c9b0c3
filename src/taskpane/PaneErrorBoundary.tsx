/** Never a blank pane: whatever fails while drawing is shown, in words. */
import { Component, type ReactNode } from 'react';
import type { Locale } from '../engine';
import { Notice } from './Notice';
import { strings } from './strings';

export class PaneErrorBoundary extends Component<{ locale: Locale; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <Notice intent="error" role="alert">
          {strings(this.props.locale).unexpected + this.state.error.message}
        </Notice>
      );
    }
    return this.props.children;
  }
}
