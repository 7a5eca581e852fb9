import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

type Props = { children: ReactNode; resetKey?: string };
type State = { error: unknown; key?: string };

/** Shows a page's load error in words instead of a blank screen; a new route resets it. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  static getDerivedStateFromProps(props: Props, state: State) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  render() {
    if (this.state.error) return <ErrorMessage error={this.state.error} onRetry={() => window.location.reload()} />;
    return this.props.children;
  }
}
