"""赫山区市场监督管理局自建监管系统（示例）: an independent subgraph that joins 审管联动's graph.

It imports nothing of the platform: it knows the graph only by the entity keys the platform
documents (``Application.id``, ``Subject.creditCode``) and the gateway only by the caller
assertion it verifies with its own key (docs/joining-the-graph.md).
"""
