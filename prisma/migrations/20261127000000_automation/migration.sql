-- AlterTable
ALTER TABLE `customers` ADD COLUMN `birthday` DATE NULL;

-- CreateIndex
CREATE INDEX `customers_birthday_idx` ON `customers`(`birthday`);

-- AlterTable
ALTER TABLE `tasks` MODIFY `kind` ENUM('FIRST_CONTACT', 'FOLLOW_UP', 'SERVICE_CALLBACK') NOT NULL,
    ADD COLUMN `vehicle_id` INTEGER NULL;

-- CreateIndex
CREATE INDEX `tasks_vehicle_id_idx` ON `tasks`(`vehicle_id`);

-- CreateTable
CREATE TABLE `reminder_rules` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `kind` ENUM('FIRST_SERVICE', 'MAINTENANCE_DUE', 'INSURANCE_RENEWAL', 'WARRANTY_ENDING', 'BIRTHDAY', 'TEST_DRIVE_TOMORROW', 'SERVICE_BOOKING_TOMORROW', 'DORMANT_OWNER', 'TASK_OVERDUE', 'POINTS_EXPIRING') NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `channel` ENUM('WECHAT', 'SMS', 'IN_APP') NOT NULL,
    `days_before` INTEGER NOT NULL DEFAULT 0,
    `interval_months` INTEGER NULL,
    `interval_km` INTEGER NULL,
    `gift_points` INTEGER NULL,
    `template` VARCHAR(500) NOT NULL,
    `wechat_template_id` VARCHAR(64) NULL,
    `enabled` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `reminder_rules_kind_days_before_key`(`kind`, `days_before`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `outbox_messages` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `dedupe_key` VARCHAR(191) NOT NULL,
    `source` VARCHAR(16) NOT NULL,
    `rule_id` INTEGER NULL,
    `campaign_id` INTEGER NULL,
    `customer_id` INTEGER NULL,
    `staff_id` INTEGER NULL,
    `channel` ENUM('WECHAT', 'SMS', 'IN_APP') NOT NULL,
    `title` VARCHAR(64) NOT NULL,
    `body` VARCHAR(500) NOT NULL,
    `page` VARCHAR(128) NULL,
    `payload` JSON NULL,
    `due_on` DATE NOT NULL,
    `status` ENUM('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'DEAD') NOT NULL DEFAULT 'PENDING',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `next_attempt_at` DATETIME(3) NOT NULL,
    `lease_until` DATETIME(3) NULL,
    `claimed_by` VARCHAR(64) NULL,
    `last_error` VARCHAR(500) NULL,
    `sent_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `outbox_messages_dedupe_key_key`(`dedupe_key`),
    INDEX `outbox_messages_status_next_attempt_at_idx`(`status`, `next_attempt_at`),
    INDEX `outbox_messages_customer_id_created_at_idx`(`customer_id`, `created_at`),
    INDEX `outbox_messages_staff_id_idx`(`staff_id`),
    INDEX `outbox_messages_rule_id_created_at_idx`(`rule_id`, `created_at`),
    INDEX `outbox_messages_campaign_id_idx`(`campaign_id`),
    INDEX `outbox_messages_created_at_idx`(`created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `customer_messages` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `outbox_id` INTEGER NULL,
    `channel` ENUM('WECHAT', 'SMS', 'IN_APP') NOT NULL,
    `title` VARCHAR(64) NOT NULL,
    `body` VARCHAR(500) NOT NULL,
    `page` VARCHAR(128) NULL,
    `sent_at` DATETIME(3) NOT NULL,
    `read_at` DATETIME(3) NULL,

    UNIQUE INDEX `customer_messages_outbox_id_key`(`outbox_id`),
    INDEX `customer_messages_customer_id_sent_at_idx`(`customer_id`, `sent_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `channel_opt_outs` (
    `customer_id` INTEGER NOT NULL,
    `channel` ENUM('WECHAT', 'SMS', 'IN_APP') NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`customer_id`, `channel`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `surveys` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `kind` ENUM('SERVICE', 'TEST_DRIVE') NOT NULL,
    `subject_id` INTEGER NOT NULL,
    `customer_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `subject` VARCHAR(128) NOT NULL,
    `sent_at` DATETIME(3) NOT NULL,
    `answered_at` DATETIME(3) NULL,
    `nps` TINYINT NULL,
    `csat` TINYINT NULL,
    `comment` VARCHAR(500) NULL,

    UNIQUE INDEX `surveys_kind_subject_id_key`(`kind`, `subject_id`),
    INDEX `surveys_customer_id_sent_at_idx`(`customer_id`, `sent_at`),
    INDEX `surveys_store_id_sent_at_idx`(`store_id`, `sent_at`),
    INDEX `surveys_answered_at_idx`(`answered_at`),
    PRIMARY KEY (`id`),
    CONSTRAINT `surveys_score_range` CHECK ((`nps` IS NULL OR `nps` BETWEEN 0 AND 10) AND (`csat` IS NULL OR `csat` BETWEEN 1 AND 5))
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `complaints` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `survey_id` INTEGER NULL,
    `source` ENUM('SURVEY', 'CUSTOMER', 'STAFF') NOT NULL,
    `category` ENUM('SERVICE_QUALITY', 'ATTITUDE', 'WAITING', 'PRICE', 'VEHICLE_QUALITY', 'OTHER') NOT NULL,
    `content` VARCHAR(1000) NOT NULL,
    `status` ENUM('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED') NOT NULL DEFAULT 'OPEN',
    `assignee_id` INTEGER NULL,
    `first_response_due_at` DATETIME(3) NOT NULL,
    `first_responded_at` DATETIME(3) NULL,
    `escalated_at` DATETIME(3) NULL,
    `resolution` VARCHAR(1000) NULL,
    `resolved_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `complaints_survey_id_key`(`survey_id`),
    INDEX `complaints_store_id_status_created_at_idx`(`store_id`, `status`, `created_at`),
    INDEX `complaints_customer_id_created_at_idx`(`customer_id`, `created_at`),
    INDEX `complaints_assignee_id_idx`(`assignee_id`),
    INDEX `complaints_status_first_response_due_at_idx`(`status`, `first_response_due_at`),
    INDEX `complaints_created_at_idx`(`created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `complaint_notes` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `complaint_id` INTEGER NOT NULL,
    `staff_id` INTEGER NULL,
    `status` ENUM('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED') NULL,
    `note` VARCHAR(1000) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `complaint_notes_complaint_id_created_at_idx`(`complaint_id`, `created_at`),
    INDEX `complaint_notes_staff_id_idx`(`staff_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `campaigns` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(64) NOT NULL,
    `segment_id` INTEGER NOT NULL,
    `channel` ENUM('WECHAT', 'SMS', 'IN_APP') NOT NULL,
    `title` VARCHAR(64) NOT NULL,
    `content` VARCHAR(500) NOT NULL,
    `bonus_points` INTEGER NOT NULL DEFAULT 0,
    `holdout_percent` INTEGER NOT NULL DEFAULT 0,
    `attribution_days` INTEGER NOT NULL DEFAULT 14,
    `scheduled_at` DATETIME(3) NULL,
    `status` ENUM('DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED') NOT NULL DEFAULT 'DRAFT',
    `launched_at` DATETIME(3) NULL,
    `created_by_id` INTEGER NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `campaigns_segment_id_idx`(`segment_id`),
    INDEX `campaigns_created_by_id_idx`(`created_by_id`),
    INDEX `campaigns_status_scheduled_at_idx`(`status`, `scheduled_at`),
    PRIMARY KEY (`id`),
    CONSTRAINT `campaigns_holdout_range` CHECK (`holdout_percent` BETWEEN 0 AND 50 AND `bonus_points` >= 0)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `campaign_recipients` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `campaign_id` INTEGER NOT NULL,
    `customer_id` INTEGER NOT NULL,
    `holdout` BOOLEAN NOT NULL,

    UNIQUE INDEX `campaign_recipients_campaign_id_customer_id_key`(`campaign_id`, `customer_id`),
    INDEX `campaign_recipients_customer_id_idx`(`customer_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_vehicle_id_fkey` FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `outbox_messages` ADD CONSTRAINT `outbox_messages_rule_id_fkey` FOREIGN KEY (`rule_id`) REFERENCES `reminder_rules`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `outbox_messages` ADD CONSTRAINT `outbox_messages_campaign_id_fkey` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `outbox_messages` ADD CONSTRAINT `outbox_messages_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `outbox_messages` ADD CONSTRAINT `outbox_messages_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `customer_messages` ADD CONSTRAINT `customer_messages_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `customer_messages` ADD CONSTRAINT `customer_messages_outbox_id_fkey` FOREIGN KEY (`outbox_id`) REFERENCES `outbox_messages`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `channel_opt_outs` ADD CONSTRAINT `channel_opt_outs_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `surveys` ADD CONSTRAINT `surveys_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `surveys` ADD CONSTRAINT `surveys_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `complaints` ADD CONSTRAINT `complaints_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `complaints` ADD CONSTRAINT `complaints_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `complaints` ADD CONSTRAINT `complaints_survey_id_fkey` FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `complaints` ADD CONSTRAINT `complaints_assignee_id_fkey` FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `complaint_notes` ADD CONSTRAINT `complaint_notes_complaint_id_fkey` FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `complaint_notes` ADD CONSTRAINT `complaint_notes_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_segment_id_fkey` FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `campaigns` ADD CONSTRAINT `campaigns_created_by_id_fkey` FOREIGN KEY (`created_by_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `campaign_recipients` ADD CONSTRAINT `campaign_recipients_campaign_id_fkey` FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `campaign_recipients` ADD CONSTRAINT `campaign_recipients_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
