"""The user's project folder: its roots, its config file, and where experiments are stored."""

from experiment_runner.workspace.config import CONFIG_FILE, WorkspaceConfig, load_config
from experiment_runner.workspace.paths import Workspace, validate_experiment_name

__all__ = ["CONFIG_FILE", "Workspace", "WorkspaceConfig", "load_config", "validate_experiment_name"]
