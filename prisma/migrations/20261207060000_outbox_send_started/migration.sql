-- A per-message marker written before the provider is called, so a crash parks only sends that really started.
ALTER TABLE `outbox_messages` ADD COLUMN `send_started_at` DATETIME(3) NULL;

ALTER TABLE `tasks` MODIFY `kind` ENUM('FIRST_CONTACT', 'FOLLOW_UP', 'SERVICE_CALLBACK', 'MESSAGE_REVIEW') NOT NULL;
