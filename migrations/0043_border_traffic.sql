-- 0043: counts of border traffic read from articles (analyst 10, finding 8): vehicles and
-- containers crossing a gate, goods carried over the border by weight, and people crossing
-- it, each with a `_per_day` twin for a daily rate or average ("日均通行车辆超过2000辆次",
-- "1,000 trucks a day"), never summed with or compared to a total. Their metrics are in
-- data/facts/metrics.json; the category and the units they need are vocabulary.
INSERT OR IGNORE INTO vocab (field, value, label) VALUES
    ('category', 'transport', 'border traffic: vehicles, containers and people crossing'),
    ('unit', 'vehicles', 'vehicles'),
    ('unit', 'containers', 'containers');
