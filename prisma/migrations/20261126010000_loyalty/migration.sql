-- AlterTable
ALTER TABLE `customers` ADD COLUMN `referral_code` VARCHAR(12) NULL,
    ADD UNIQUE INDEX `customers_referral_code_key`(`referral_code`);

-- AlterTable
ALTER TABLE `work_orders` ADD COLUMN `discount_fen` INTEGER NOT NULL DEFAULT 0 AFTER `parts_fen`;

-- CreateTable
CREATE TABLE `points_accounts` (
    `customer_id` INTEGER NOT NULL,
    `balance` INTEGER NOT NULL DEFAULT 0,
    `tier` ENUM('STANDARD', 'SILVER', 'GOLD', 'BLACK') NOT NULL DEFAULT 'STANDARD',
    `tier_reviewed_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `points_accounts_tier_idx`(`tier`),
    INDEX `points_accounts_balance_idx`(`balance`),
    PRIMARY KEY (`customer_id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `points_entries` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `type` ENUM('EARN', 'REDEEM', 'EXPIRE', 'ADJUST', 'REVERSAL') NOT NULL,
    `points` INTEGER NOT NULL,
    `balance_after` INTEGER NOT NULL,
    `reason` VARCHAR(255) NOT NULL,
    `source` VARCHAR(48) NOT NULL,
    `source_id` INTEGER NULL,
    `idempotency_key` VARCHAR(191) NOT NULL,
    `reverses_entry_id` INTEGER NULL,
    `staff_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `points_entries_idempotency_key_key`(`idempotency_key`),
    UNIQUE INDEX `points_entries_reverses_entry_id_key`(`reverses_entry_id`),
    INDEX `points_entries_customer_id_created_at_idx`(`customer_id`, `created_at`),
    INDEX `points_entries_source_source_id_idx`(`source`, `source_id`),
    INDEX `points_entries_staff_id_idx`(`staff_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `points_lots` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `entry_id` INTEGER NOT NULL,
    `points` INTEGER NOT NULL,
    `remaining` INTEGER NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `points_lots_entry_id_key`(`entry_id`),
    INDEX `points_lots_customer_id_expires_at_idx`(`customer_id`, `expires_at`),
    INDEX `points_lots_expires_at_remaining_idx`(`expires_at`, `remaining`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `points_allocations` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `entry_id` INTEGER NOT NULL,
    `lot_id` INTEGER NOT NULL,
    `points` INTEGER NOT NULL,

    INDEX `points_allocations_entry_id_idx`(`entry_id`),
    INDEX `points_allocations_lot_id_idx`(`lot_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `tier_rules` (
    `tier` ENUM('STANDARD', 'SILVER', 'GOLD', 'BLACK') NOT NULL,
    `name` VARCHAR(16) NOT NULL,
    `min_points` INTEGER NOT NULL,
    `multiplier_percent` INTEGER NOT NULL,
    `perks` JSON NOT NULL,
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`tier`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `earning_rules` (
    `event` VARCHAR(48) NOT NULL,
    `name` VARCHAR(32) NOT NULL,
    `points_per_yuan` INTEGER NULL,
    `fixed_points` INTEGER NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`event`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `rewards` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `kind` ENUM('SERVICE_COUPON', 'WASH_COUPON', 'MERCHANDISE') NOT NULL,
    `points` INTEGER NOT NULL,
    `stock` INTEGER NOT NULL,
    `value_fen` INTEGER NULL,
    `coupon_days` INTEGER NULL,
    `description` VARCHAR(255) NOT NULL,
    `image_url` VARCHAR(512) NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `sort_order` INTEGER NOT NULL DEFAULT 0,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `rewards_code_key`(`code`),
    INDEX `rewards_active_sort_order_idx`(`active`, `sort_order`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `redemptions` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `customer_id` INTEGER NOT NULL,
    `reward_id` INTEGER NOT NULL,
    `points` INTEGER NOT NULL,
    `entry_id` INTEGER NOT NULL,
    `idempotency_key` VARCHAR(160) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `redemptions_entry_id_key`(`entry_id`),
    UNIQUE INDEX `redemptions_idempotency_key_key`(`idempotency_key`),
    INDEX `redemptions_customer_id_created_at_idx`(`customer_id`, `created_at`),
    INDEX `redemptions_reward_id_idx`(`reward_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `coupons` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code` VARCHAR(16) NOT NULL,
    `customer_id` INTEGER NOT NULL,
    `reward_id` INTEGER NOT NULL,
    `redemption_id` INTEGER NOT NULL,
    `value_fen` INTEGER NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `used_at` DATETIME(3) NULL,
    `work_order_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `coupons_code_key`(`code`),
    UNIQUE INDEX `coupons_redemption_id_key`(`redemption_id`),
    UNIQUE INDEX `coupons_work_order_id_key`(`work_order_id`),
    INDEX `coupons_customer_id_expires_at_idx`(`customer_id`, `expires_at`),
    INDEX `coupons_reward_id_idx`(`reward_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `event_cursors` (
    `consumer` VARCHAR(48) NOT NULL,
    `last_event_id` INTEGER NOT NULL DEFAULT 0,
    `updated_at` DATETIME(3) NOT NULL,

    PRIMARY KEY (`consumer`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- The ledger's last line of defence: whatever the code does, a balance, a lot or a stock never goes below zero.
ALTER TABLE `points_accounts` ADD CONSTRAINT `points_accounts_balance_not_negative` CHECK (`balance` >= 0);
ALTER TABLE `points_lots` ADD CONSTRAINT `points_lots_remaining_within_lot` CHECK (`remaining` >= 0 AND `remaining` <= `points`);
ALTER TABLE `rewards` ADD CONSTRAINT `rewards_stock_not_negative` CHECK (`stock` >= 0);

-- AddForeignKey
ALTER TABLE `points_accounts` ADD CONSTRAINT `points_accounts_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `points_entries` ADD CONSTRAINT `points_entries_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `points_entries` ADD CONSTRAINT `points_entries_staff_id_fkey` FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `points_entries` ADD CONSTRAINT `points_entries_reverses_entry_id_fkey` FOREIGN KEY (`reverses_entry_id`) REFERENCES `points_entries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `points_lots` ADD CONSTRAINT `points_lots_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `points_lots` ADD CONSTRAINT `points_lots_entry_id_fkey` FOREIGN KEY (`entry_id`) REFERENCES `points_entries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `points_allocations` ADD CONSTRAINT `points_allocations_entry_id_fkey` FOREIGN KEY (`entry_id`) REFERENCES `points_entries`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `points_allocations` ADD CONSTRAINT `points_allocations_lot_id_fkey` FOREIGN KEY (`lot_id`) REFERENCES `points_lots`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `redemptions` ADD CONSTRAINT `redemptions_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `redemptions` ADD CONSTRAINT `redemptions_reward_id_fkey` FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `redemptions` ADD CONSTRAINT `redemptions_entry_id_fkey` FOREIGN KEY (`entry_id`) REFERENCES `points_entries`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `coupons` ADD CONSTRAINT `coupons_customer_id_fkey` FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `coupons` ADD CONSTRAINT `coupons_reward_id_fkey` FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `coupons` ADD CONSTRAINT `coupons_redemption_id_fkey` FOREIGN KEY (`redemption_id`) REFERENCES `redemptions`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE `coupons` ADD CONSTRAINT `coupons_work_order_id_fkey` FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
