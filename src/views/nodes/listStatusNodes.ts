// The rows a connection shows for the state of its list, above or instead of the items: the error (with its retry
// actions), and while there are no items yet, "Loading…" (spinning) or "No …". Both trees use them.
import type { PagedList } from '../../store';
import { ErrorNode } from './errorNode';
import { InfoNode } from './infoNode';
import type { TreeNode } from './treeNode';

export interface ListStatusLabels {
  loading: string;
  empty: string;
}

/** `base` is the id prefix of the connection's rows (e.g. "agents/<id>"). */
export function listStatusNodes(list: PagedList<{ id: string }>, connectionId: string, parent: TreeNode, base: string, labels: ListStatusLabels): TreeNode[] {
  const out: TreeNode[] = [];
  if (list.status === 'error') out.push(new ErrorNode(list.error, connectionId, parent, base));
  if (!list.items.length) {
    if (list.status === 'loading' || list.status === 'idle') out.push(new InfoNode(`${base}/loading`, labels.loading, parent, 'loading~spin'));
    else if (list.status === 'loaded') out.push(new InfoNode(`${base}/empty`, labels.empty, parent));
  }
  return out;
}
