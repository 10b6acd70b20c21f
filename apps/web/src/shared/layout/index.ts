export { AppLayout, PageSpinner, type AppLayoutProps } from './AppLayout';
export { PageHeader } from './PageHeader';
export { SearchInput } from './SearchInput';
export { LoadMoreFooter } from './LoadMoreFooter';
