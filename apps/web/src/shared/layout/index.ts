export { AppLayout, PageSpinner, type AppLayoutProps } from './AppLayout';
export { PAGE_TITLE_STYLE, PageHeader } from './PageHeader';
export { SearchInput } from './SearchInput';
export { LoadMoreFooter } from './LoadMoreFooter';
