/** A codicon id and an optional theme colour id. */
export interface IconSpec {
  id: string;
  color?: string;
}

/** Everything a tree item shows, computed without vscode. */
export interface NodePresentation {
  /** Stable TreeItem id. */
  id: string;
  label: string;
  description?: string;
  icon: IconSpec;
  contextValue: string;
}
