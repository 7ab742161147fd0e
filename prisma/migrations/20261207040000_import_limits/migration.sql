-- One running import per person: the unique key refuses a second while one is VALIDATING or COMMITTING.
ALTER TABLE `import_jobs` ADD COLUMN `running_by_id` INTEGER NULL;

CREATE UNIQUE INDEX `import_jobs_running_by_id_key` ON `import_jobs`(`running_by_id`);
