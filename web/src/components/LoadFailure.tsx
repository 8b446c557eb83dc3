/**
 * Catches a page that failed to load (a lazily loaded chunk after a new deployment, or a lost
 * connection) and offers to reload, instead of leaving an empty page.
 */
import { Component, type ReactNode } from 'react';

export class LoadFailure extends Component<
  { message: string; retryLabel: string; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="notice notice-error">
        <p>{this.props.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {this.props.retryLabel}
        </button>
      </div>
    );
  }
}
