-- AlterTable
ALTER TABLE `staff` ADD COLUMN `on_duty` BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE `customers` ADD COLUMN `became_owner_at` DATETIME(3) NULL;

-- CreateTable
CREATE TABLE `store_settings` (
    `store_id` INTEGER NOT NULL,
    `assignment_mode` ENUM('ROUND_ROBIN', 'MODEL_SPECIALTY') NOT NULL DEFAULT 'ROUND_ROBIN',
    `consultant_open_lead_cap` INTEGER NOT NULL DEFAULT 200,
    `consultant_discount_limit_bp` INTEGER NOT NULL DEFAULT 500,
    `last_assigned_staff_id` INTEGER NULL,
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`store_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `consultant_specialties` (
    `staff_id` INTEGER NOT NULL,
    `model_id` INTEGER NOT NULL,

    INDEX `consultant_specialties_model_id_idx`(`model_id`),
    PRIMARY KEY (`staff_id`, `model_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `lead_channels` (
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `source` ENUM('MINI_PROGRAM', 'WEBSITE', 'AUTOHOME', 'DONGCHEDI', 'DOUYIN', 'XIAOHONGSHU', 'WECHAT', 'HOTLINE', 'WALK_IN', 'AUTO_SHOW', 'REFERRAL', 'IMPORT', 'OTHER') NOT NULL,
    `secret` VARCHAR(128) NOT NULL,
    `store_id` INTEGER NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `lead_channels_store_id_idx`(`store_id`),
    PRIMARY KEY (`code`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `leads` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `store_id` INTEGER NOT NULL,
    `assignee_id` INTEGER NULL,
    `name` VARCHAR(64) NOT NULL,
    `mobile` VARCHAR(11) NOT NULL,
    `source` ENUM('MINI_PROGRAM', 'WEBSITE', 'AUTOHOME', 'DONGCHEDI', 'DOUYIN', 'XIAOHONGSHU', 'WECHAT', 'HOTLINE', 'WALK_IN', 'AUTO_SHOW', 'REFERRAL', 'IMPORT', 'OTHER') NOT NULL,
    `intended_model_id` INTEGER NULL,
    `budget_min_fen` INTEGER NULL,
    `budget_max_fen` INTEGER NULL,
    `note` VARCHAR(1000) NULL,
    `stage` ENUM('NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED', 'ORDERED', 'DELIVERED', 'LOST') NOT NULL DEFAULT 'NEW',
    `open_key` VARCHAR(32) NULL,
    `needs` JSON NULL,
    `test_drive_feedback` VARCHAR(1000) NULL,
    `lost_reason` ENUM('PRICE', 'COMPETITOR', 'TIMING', 'NO_RESPONSE', 'FINANCE', 'OTHER') NULL,
    `lost_note` VARCHAR(1000) NULL,
    `referrer_customer_id` INTEGER NULL,
    `first_contacted_at` DATETIME(3) NULL,
    `last_contacted_at` DATETIME(3) NULL,
    `next_follow_up_at` DATETIME(3) NULL,
    `ordered_at` DATETIME(3) NULL,
    `delivered_at` DATETIME(3) NULL,
    `lost_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `leads_open_key_key`(`open_key`),
    INDEX `leads_customer_id_idx`(`customer_id`),
    INDEX `leads_store_id_stage_created_at_idx`(`store_id`, `stage`, `created_at`),
    INDEX `leads_assignee_id_stage_created_at_idx`(`assignee_id`, `stage`, `created_at`),
    INDEX `leads_intended_model_id_idx`(`intended_model_id`),
    INDEX `leads_referrer_customer_id_idx`(`referrer_customer_id`),
    INDEX `leads_mobile_idx`(`mobile`),
    INDEX `leads_name_idx`(`name`),
    INDEX `leads_source_created_at_idx`(`source`, `created_at`),
    INDEX `leads_created_at_idx`(`created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `lead_touches` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `source` ENUM('MINI_PROGRAM', 'WEBSITE', 'AUTOHOME', 'DONGCHEDI', 'DOUYIN', 'XIAOHONGSHU', 'WECHAT', 'HOTLINE', 'WALK_IN', 'AUTO_SHOW', 'REFERRAL', 'IMPORT', 'OTHER') NOT NULL,
    `channel` VARCHAR(32) NULL,
    `external_id` VARCHAR(128) NULL,
    `note` VARCHAR(1000) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `lead_touches_channel_external_id_key`(`channel`, `external_id`),
    INDEX `lead_touches_lead_id_idx`(`lead_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `follow_ups` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `staff_id` INTEGER NOT NULL,
    `type` ENUM('CALL', 'SMS', 'WECHAT', 'VISIT', 'OTHER') NOT NULL,
    `outcome` VARCHAR(64) NOT NULL,
    `note` VARCHAR(2000) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `follow_ups_lead_id_created_at_idx`(`lead_id`, `created_at`),
    INDEX `follow_ups_staff_id_created_at_idx`(`staff_id`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `tasks` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NULL,
    `assignee_id` INTEGER NOT NULL,
    `created_by_id` INTEGER NULL,
    `kind` ENUM('FIRST_CONTACT', 'FOLLOW_UP') NOT NULL,
    `purpose` VARCHAR(255) NOT NULL,
    `due_at` DATETIME(3) NOT NULL,
    `status` ENUM('OPEN', 'DONE', 'CANCELLED') NOT NULL DEFAULT 'OPEN',
    `completed_at` DATETIME(3) NULL,
    `escalated_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `tasks_assignee_id_status_due_at_idx`(`assignee_id`, `status`, `due_at`),
    INDEX `tasks_lead_id_idx`(`lead_id`),
    INDEX `tasks_created_by_id_idx`(`created_by_id`),
    INDEX `tasks_status_due_at_idx`(`status`, `due_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `lead_stage_changes` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `from_stage` ENUM('NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED', 'ORDERED', 'DELIVERED', 'LOST') NULL,
    `to_stage` ENUM('NEW', 'CONTACTED', 'INVITED', 'TEST_DRIVEN', 'QUOTED', 'ORDERED', 'DELIVERED', 'LOST') NOT NULL,
    `staff_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `lead_stage_changes_lead_id_created_at_idx`(`lead_id`, `created_at`),
    INDEX `lead_stage_changes_staff_id_idx`(`staff_id`),
    INDEX `lead_stage_changes_to_stage_created_at_idx`(`to_stage`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `lead_assignments` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `from_staff_id` INTEGER NULL,
    `to_staff_id` INTEGER NULL,
    `reason` ENUM('AUTO', 'MANUAL', 'HANDOVER') NOT NULL,
    `by_staff_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `lead_assignments_lead_id_created_at_idx`(`lead_id`, `created_at`),
    INDEX `lead_assignments_from_staff_id_idx`(`from_staff_id`),
    INDEX `lead_assignments_to_staff_id_idx`(`to_staff_id`),
    INDEX `lead_assignments_by_staff_id_idx`(`by_staff_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `quotes` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `trim_id` INTEGER NOT NULL,
    `created_by_id` INTEGER NOT NULL,
    `msrp_fen` INTEGER NOT NULL,
    `lines` JSON NOT NULL,
    `discount_fen` INTEGER NOT NULL,
    `discount_bp` INTEGER NOT NULL,
    `total_fen` INTEGER NOT NULL,
    `approval_status` ENUM('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED') NOT NULL,
    `decided_by_id` INTEGER NULL,
    `decided_at` DATETIME(3) NULL,
    `decision_note` VARCHAR(500) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `quotes_lead_id_idx`(`lead_id`),
    INDEX `quotes_trim_id_idx`(`trim_id`),
    INDEX `quotes_created_by_id_idx`(`created_by_id`),
    INDEX `quotes_decided_by_id_idx`(`decided_by_id`),
    INDEX `quotes_approval_status_created_at_idx`(`approval_status`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sales_orders` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `quote_id` INTEGER NOT NULL,
    `trim_id` INTEGER NOT NULL,
    `created_by_id` INTEGER NOT NULL,
    `price_fen` INTEGER NOT NULL,
    `finance_plan` VARCHAR(255) NULL,
    `deposit_fen` INTEGER NOT NULL,
    `signed_at` DATETIME(3) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `sales_orders_lead_id_key`(`lead_id`),
    UNIQUE INDEX `sales_orders_quote_id_key`(`quote_id`),
    INDEX `sales_orders_trim_id_idx`(`trim_id`),
    INDEX `sales_orders_created_by_id_idx`(`created_by_id`),
    INDEX `sales_orders_signed_at_idx`(`signed_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `deliveries` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `lead_id` INTEGER NOT NULL,
    `order_id` INTEGER NOT NULL,
    `vin` CHAR(17) NOT NULL,
    `pdi_done` BOOLEAN NOT NULL,
    `insurance_done` BOOLEAN NOT NULL,
    `temporary_plate_done` BOOLEAN NOT NULL,
    `handover_done` BOOLEAN NOT NULL,
    `delivered_by_id` INTEGER NOT NULL,
    `delivered_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `deliveries_lead_id_key`(`lead_id`),
    UNIQUE INDEX `deliveries_order_id_key`(`order_id`),
    UNIQUE INDEX `deliveries_vin_key`(`vin`),
    INDEX `deliveries_delivered_by_id_idx`(`delivered_by_id`),
    INDEX `deliveries_delivered_at_idx`(`delivered_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `notifications` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `staff_id` INTEGER NOT NULL,
    `kind` VARCHAR(32) NOT NULL,
    `title` VARCHAR(128) NOT NULL,
    `body` VARCHAR(1000) NOT NULL,
    `lead_id` INTEGER NULL,
    `task_id` INTEGER NULL,
    `read_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `notifications_staff_id_read_at_created_at_idx`(`staff_id`, `read_at`, `created_at`),
    INDEX `notifications_lead_id_idx`(`lead_id`),
    INDEX `notifications_task_id_idx`(`task_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `store_settings` ADD CONSTRAINT `store_settings_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `consultant_specialties` ADD CONSTRAINT `consultant_specialties_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `consultant_specialties` ADD CONSTRAINT `consultant_specialties_model_id_fkey` FOREIGN KEY (`model_id`) REFERENCES `vehicle_models`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `lead_channels` ADD CONSTRAINT `lead_channels_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `leads` ADD CONSTRAINT `leads_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `leads` ADD CONSTRAINT `leads_store_id_fkey` FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `leads` ADD CONSTRAINT `leads_assignee_id_fkey` FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `leads` ADD CONSTRAINT `leads_intended_model_id_fkey` FOREIGN KEY (`intended_model_id`) REFERENCES `vehicle_models`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `leads` ADD CONSTRAINT `leads_referrer_customer_id_fkey` FOREIGN KEY (`referrer_customer_id`) REFERENCES `customers`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `lead_touches` ADD CONSTRAINT `lead_touches_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `follow_ups` ADD CONSTRAINT `follow_ups_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_assignee_id_fkey` FOREIGN KEY (`assignee_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `tasks` ADD CONSTRAINT `tasks_created_by_id_fkey` FOREIGN KEY (`created_by_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `lead_stage_changes` ADD CONSTRAINT `lead_stage_changes_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `lead_stage_changes` ADD CONSTRAINT `lead_stage_changes_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `lead_assignments` ADD CONSTRAINT `lead_assignments_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `lead_assignments` ADD CONSTRAINT `lead_assignments_from_staff_id_fkey` FOREIGN KEY (`from_staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `lead_assignments` ADD CONSTRAINT `lead_assignments_to_staff_id_fkey` FOREIGN KEY (`to_staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `lead_assignments` ADD CONSTRAINT `lead_assignments_by_staff_id_fkey` FOREIGN KEY (`by_staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_trim_id_fkey` FOREIGN KEY (`trim_id`) REFERENCES `vehicle_trims`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_created_by_id_fkey` FOREIGN KEY (`created_by_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `quotes` ADD CONSTRAINT `quotes_decided_by_id_fkey` FOREIGN KEY (`decided_by_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `sales_orders` ADD CONSTRAINT `sales_orders_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `sales_orders` ADD CONSTRAINT `sales_orders_quote_id_fkey` FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `sales_orders` ADD CONSTRAINT `sales_orders_trim_id_fkey` FOREIGN KEY (`trim_id`) REFERENCES `vehicle_trims`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `sales_orders` ADD CONSTRAINT `sales_orders_created_by_id_fkey` FOREIGN KEY (`created_by_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `deliveries` ADD CONSTRAINT `deliveries_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `deliveries` ADD CONSTRAINT `deliveries_order_id_fkey` FOREIGN KEY (`order_id`) REFERENCES `sales_orders`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `deliveries` ADD CONSTRAINT `deliveries_delivered_by_id_fkey` FOREIGN KEY (`delivered_by_id`) REFERENCES `staff`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_lead_id_fkey` FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_task_id_fkey` FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
