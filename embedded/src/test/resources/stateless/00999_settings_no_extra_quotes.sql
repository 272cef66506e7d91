SELECT DISTINCT description LIKE '"%"' FROM system.settings;
