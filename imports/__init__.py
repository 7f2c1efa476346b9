"""Reading documents people send in (applications, decisions) into plain data."""
